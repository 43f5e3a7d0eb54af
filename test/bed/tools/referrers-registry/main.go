// Command referrers-registry serves an in-memory OCI registry that implements the OCI 1.1 referrers API
// (with artifactType filtering), for the test bed: neither zot nor `crane registry serve` can be used here.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"

	"cuelabs.dev/go/oci/ociregistry/ocimem"
	"cuelabs.dev/go/oci/ociregistry/ociserver"
)

func main() {
	address := flag.String("address", "127.0.0.1:0", "host:port to listen on")
	exitOnStdinEOF := flag.Bool("exit-on-stdin-eof", false, "exit when standard input closes (the parent died)")
	flag.Parse()

	listener, err := net.Listen("tcp", *address)
	if err != nil {
		fmt.Fprintf(os.Stderr, "referrers-registry: cannot listen on %s: %v\n", *address, err)
		os.Exit(1)
	}
	if *exitOnStdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			os.Exit(0)
		}()
	}
	// Mutable tags: clients rewrite the sha256-<hex> fallback index tag, as on any real registry.
	backend := ocimem.NewWithConfig(&ocimem.Config{})
	handler := emptyReferrersAsArray(ociserver.New(backend, &ociserver.Options{}))
	fmt.Printf("listening on %s\n", listener.Addr())
	if err := http.Serve(listener, handler); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(os.Stderr, "referrers-registry: %v\n", err)
		os.Exit(1)
	}
}

// emptyReferrersAsArray answers `"manifests":[]` where the library writes null for a subject without
// referrers: the image index spec requires an array and registries such as zot send one.
func emptyReferrersAsArray(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !strings.Contains(r.URL.Path, "/referrers/") {
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == http.StatusOK {
			body = bytes.Replace(body, []byte(`"manifests":null`), []byte(`"manifests":[]`), 1)
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.status)
		_, _ = w.Write(body)
	})
}

type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
