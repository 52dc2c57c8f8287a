// Command baseline is the bare net/http handler that scripts/wrk.sh
// measures beside the reference server: GET /v1/matters/{code} straight
// from the catalog, with no middleware (no logging, authentication or
// problem documents), encoding the same JSON.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"

	"github.com/onething-gov/onething/examples/catalog"
	"github.com/onething-gov/onething/matter"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8090", "listen address")
	flag.Parse()
	cat, err := matter.LoadFS(catalog.FS)
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("GET /v1/matters/{code}", func(w http.ResponseWriter, r *http.Request) {
		m, ok := cat.Matter(r.PathValue("code"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(m)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
