package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds the schema's migrations, one directory per
// dialect, each file named NNNN_what.sql. A file may hold several
// statements. Both dialects have the same versions.
//
//go:embed migrations
var migrationFiles embed.FS

// migration is one version of the schema.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationsTable records the versions of the schema applied, one row
// each.
const migrationsTable = "matter_schema_migrations"

// migrateLock is the PostgreSQL advisory lock key that serialises
// start-ups: "mattersq" in ASCII.
const migrateLock int64 = 0x6d61747465727371

// migrations returns the dialect's migrations in version order. The files
// are part of the binary and checked by the tests, so a malformed one is a
// build defect and panics.
func migrations(d Dialect) []migration {
	dir := path.Join("migrations", d.String())
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != len(ms)+1 || !strings.HasSuffix(e.Name(), ".sql") {
			panic(fmt.Sprintf("matter/sqlstore: migration file %s/%s: want %04d_name.sql", dir, e.Name(), len(ms)+1))
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, e.Name()))
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	return ms
}

// migrate applies the migrations of ms above the database's version, up
// to version upTo (0 for all), in one transaction that excludes every
// other start-up, in this process or another. A database whose schema is
// newer than the last of ms is refused.
func migrate(ctx context.Context, pool *sql.DB, d Dialect, ms []migration, upTo int) error {
	if upTo == 0 {
		upTo = ms[len(ms)-1].version
	}
	err := inTx(ctx, pool, d, func(x db) error {
		if d == Postgres {
			if _, err := x.exec(ctx, `SELECT pg_advisory_xact_lock(?)`, migrateLock); err != nil {
				return err
			}
		}
		if _, err := x.exec(ctx, migrationsDDL(d)); err != nil {
			return err
		}
		var cur int
		if err := x.row(ctx, `SELECT COALESCE(MAX(version), 0) FROM `+migrationsTable).Scan(&cur); err != nil {
			return err
		}
		if latest := ms[len(ms)-1].version; cur > latest {
			return fmt.Errorf("the database's schema is at version %d, newer than this program's %d: upgrade the program", cur, latest)
		}
		for _, m := range ms {
			if m.version <= cur || m.version > upTo {
				continue
			}
			if _, err := x.exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
			at, _ := d.instant(time.Now())
			if _, err := x.exec(ctx, `INSERT INTO `+migrationsTable+` (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, at); err != nil {
				return fmt.Errorf("migration %d (%s): recording it: %w", m.version, m.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return failed(ctx, "migrating the "+d.String()+" schema", err)
	}
	return nil
}

// migrationsDDL creates the migrations table if it does not exist.
func migrationsDDL(d Dialect) string {
	at := "TEXT"
	if d == Postgres {
		at = "TIMESTAMPTZ"
	}
	return `CREATE TABLE IF NOT EXISTS ` + migrationsTable + ` (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at ` + at + ` NOT NULL
)`
}
