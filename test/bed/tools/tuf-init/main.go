// tuf-init fills a TUF_ROOT cache the way Kyverno's controller does at start-up with --tufMirror and
// --tufRoot: sigstore/sigstore's legacy TUF client, initialised from a mirror and a pinned root.json.
// The Kyverno CLI has no such flags and reads only that cache, so the bed runs this first.
//
//	TUF_ROOT=<dir> tuf-init <mirror-url> <root.json>
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/sigstore/sigstore/pkg/tuf"
)

func main() {
	if len(os.Args) != 3 || os.Getenv("TUF_ROOT") == "" {
		fmt.Fprintln(os.Stderr, "usage: TUF_ROOT=<dir> tuf-init <mirror-url> <root.json>")
		os.Exit(2)
	}
	root, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "tuf-init: reading the root: %v\n", err)
		os.Exit(1)
	}
	if err := tuf.Initialize(context.Background(), os.Args[1], root); err != nil {
		fmt.Fprintf(os.Stderr, "tuf-init: initialising from %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
