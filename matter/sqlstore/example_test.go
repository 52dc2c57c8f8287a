package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the program, not the library, picks the driver

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/sqlstore"
)

// A city system keeps the catalog and its applications in an embedded
// SQLite file: it loads the catalog files once into the store, then works
// from the store. On PostgreSQL only the Open differs:
// sql.Open("pgx", "postgres://…") and sqlstore.Postgres.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "onething-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	db, err := sql.Open("sqlite", sqlstore.SQLiteDSN(filepath.Join(dir, "onething.db")))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	store, err := sqlstore.New(ctx, db, sqlstore.SQLite) // creates or upgrades the schema
	if err != nil {
		log.Fatal(err)
	}

	cat, err := matter.LoadFS(os.DirFS("../../examples/catalog"))
	if err != nil {
		log.Fatal(err)
	}
	for m := range cat.Matters() {
		if _, err := store.PutMatter(ctx, m, 0); err != nil {
			log.Fatal(err)
		}
	}

	// An editor changes a matter, stating the version they read.
	m, err := store.GetMatter(ctx, "370015031000")
	if err != nil {
		log.Fatal(err)
	}
	m.Contacts.Consult = "0531-12333"
	v, err := store.PutMatter(ctx, m, m.Version)
	fmt.Println(m.Name, "version", v)
	_, err = store.PutMatter(ctx, m, 1) // a stale edit
	fmt.Println(err)

	// The provincial HRSS department's matters in 社保卡一件事, in code order.
	hrss := matter.MatterFilter{Department: "11370000006487956P", Division: "370000", Tag: "社保卡一件事"}
	for m, err := range store.ListMatters(ctx, hrss) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.Code, m.Name)
	}

	// A citizen applies; a clerk accepts.
	who := matter.Applicant{Audience: matter.Person, SubjectID: "370116199003071236", Name: "李娜"}
	at := time.Date(2026, time.March, 2, 9, 30, 0, 0, matter.CST)
	a, err := matter.NewApplication("370015031000", nil, who, "370116", matter.App, at)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := store.CreateApplication(ctx, a); err != nil {
		log.Fatal(err)
	}
	if err := a.Move(matter.Accepted, at.Add(20*time.Minute), "LW0107", ""); err != nil {
		log.Fatal(err)
	}
	v, err = store.UpdateApplication(ctx, a, 1)
	fmt.Println(a.Status, "version", v, err)

	// Output:
	// 失业保险金申领 version 2
	// matter: sqlstore: put matter "370015031000": version conflict: expected version 1, current is 2
	// 370015020000 社会保障卡申领
	// 370015021000 社会保障卡启用（激活）
	// 370015023000 社会保障卡补领、换领
	// 370015025000 电子社会保障卡签发
	// accepted version 2 <nil>
}
