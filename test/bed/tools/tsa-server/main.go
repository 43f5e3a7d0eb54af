// The bed's RFC 3161 timestamp authority: sigstore/timestamp-authority's own API, signer and handlers, started
// without the two things its `timestamp-server serve` adds around them: a Prometheus listener fixed on :2112
// (two beds on one machine would kill each other's TSA) and NTP monitoring (no NTP reachable here).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	// Registers timestamp-server's flags with viper, so every setting keeps the server's own default.
	_ "github.com/sigstore/timestamp-authority/v2/cmd/timestamp-server/app"
	"github.com/sigstore/timestamp-authority/v2/pkg/log"
	"github.com/sigstore/timestamp-authority/v2/pkg/server"
	"github.com/spf13/viper"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "port to listen on")
	flag.Parse()
	if *port == 0 {
		fmt.Fprintln(os.Stderr, "tsa-server: --port is required")
		os.Exit(2)
	}
	log.ConfigureLogger("dev")
	// A fresh in-memory chain per start; the bed reads it from GET /api/v1/timestamp/certchain.
	viper.Set("timestamp-signer", "memory")
	srv := server.NewRestAPIServer(*host, *port, []string{"http"}, false, 10*time.Second, 10*time.Second)
	defer func() { _ = srv.Shutdown() }()
	if err := srv.Serve(); err != nil {
		fmt.Fprintln(os.Stderr, "tsa-server:", err)
		os.Exit(1)
	}
}
