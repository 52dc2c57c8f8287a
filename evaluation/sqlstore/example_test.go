package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, "sqlite"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/sqlstore"
	"github.com/onething-gov/onething/matter"
)

// A city system keeps 好差评 ratings in a SQLite file: it opens the file
// with the store's DSN, and New makes the tables. A retried add (a client
// that timed out and sent again) stores nothing twice, an update that lost
// a race is refused, and a unit lists its month's reviews without the
// raters' identities. On PostgreSQL only the opening differs:
// sql.Open("pgx", "postgres://…") and sqlstore.Postgres.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "onething")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := sql.Open("sqlite", sqlstore.SQLiteDSN(filepath.Join(dir, "onething.db")))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	store, err := sqlstore.New(ctx, db, sqlstore.SQLite)
	if err != nil {
		log.Fatal(err)
	}

	cst := matter.CST
	r := &evaluation.Review{
		ID: uuid.Must(uuid.NewV7()), Mode: evaluation.PerService,
		Application: uuid.Must(uuid.NewV7()), Matter: "370100000001", Bundle: "退休一件事",
		Unit:     matter.Department{CreditCode: "11370116004215631A", Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"},
		Division: "370116", Staff: "LW0231", Channel: matter.Window,
		ServedAt: time.Date(2026, 5, 6, 9, 10, 0, 0, cst),
		RatedAt:  time.Date(2026, 5, 6, 9, 12, 0, 0, cst),
		Rating:   evaluation.Dissatisfied, Reasons: []string{"wait-too-long"},
		RealName: true, Reviewer: &evaluation.Reviewer{Name: "张建国", Phone: "13805311234"},
	}
	if err := r.Validate(evaluation.DefaultConfig()); err != nil {
		log.Fatal(err)
	}
	for range 2 {
		v, err := store.AddReview(ctx, r)
		fmt.Println("added at version", v, err)
	}

	// Two clerks edit version 1; the second write is refused.
	a, _ := store.GetReview(ctx, r.ID)
	b, _ := store.GetReview(ctx, r.ID)
	a.Comment, b.Comment = "已电话回访", "已上门回访"
	v, err := store.UpdateReview(ctx, a, a.Version)
	fmt.Println("first update: version", v, err)
	_, err = store.UpdateReview(ctx, b, b.Version)
	fmt.Println("second update refused:", errors.Is(err, evaluation.ErrConflict))

	// The 莱芜区 bureau's May, as shown to the unit.
	f := evaluation.ReviewFilter{Period: evaluation.Month(2026, 5), Unit: "11370116004215631A"}
	for r, err := range store.ListReviews(ctx, f) {
		if err != nil {
			log.Fatal(err)
		}
		r = r.ForUnit()
		fmt.Println(r.RatedAt.In(cst).Format(time.DateTime), r.Rating, r.Comment, "rater:", r.Reviewer, "version", r.Version)
	}
	// Output:
	// added at version 1 <nil>
	// added at version 1 <nil>
	// first update: version 2 <nil>
	// second update refused: true
	// 2026-05-06 09:12:00 dissatisfied 已电话回访 rater: <nil> version 2
}
