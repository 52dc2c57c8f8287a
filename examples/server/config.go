package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

// config is what the flags set.
type config struct {
	Addr string
	// DB is a SQLite file name or a postgres:// URL.
	DB string
	// Dev serves the demo data with demo tokens and demo registries.
	Dev bool
	// Tokens is a JSON token file; empty reads ONETHING_TOKENS, then in
	// development mode demo-tokens.json beside the database.
	Tokens string
	// DemoTokens is where development mode writes its demo tokens;
	// empty means demo-tokens.json beside the database.
	DemoTokens string
	LogFormat  string

	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	ShutdownTimeout                        time.Duration
}

func (c config) postgres() bool {
	return strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://")
}

// demoTokensPath is where development mode keeps its demo tokens: beside
// the database file, or in the working directory for PostgreSQL.
func (c config) demoTokensPath() string {
	if c.DemoTokens != "" {
		return c.DemoTokens
	}
	if c.postgres() || c.DB == "" || c.DB == "memory" {
		return "demo-tokens.json"
	}
	return filepath.Join(filepath.Dir(c.DB), "demo-tokens.json")
}

// parseConfig reads the flags. -dev defaults to true for the default SQLite
// database and to false for any other -db.
func parseConfig(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "listen address")
	fs.StringVar(&c.DB, "db", "onething.db", "SQLite database file, a postgres:// URL, or memory")
	dev := fs.String("dev", "", "development mode: demo data, demo tokens, demo registries (default true for the default -db)")
	fs.StringVar(&c.Tokens, "tokens", "", "token file (JSON: name → token or {token, role, division, subject}); default $ONETHING_TOKENS, then demo tokens in -dev")
	fs.StringVar(&c.DemoTokens, "demo-tokens", "", "where -dev writes its demo tokens (default demo-tokens.json beside the database)")
	fs.StringVar(&c.LogFormat, "log", "text", "log format: text or json")
	fs.DurationVar(&c.ReadTimeout, "read-timeout", 10*time.Second, "request read timeout")
	fs.DurationVar(&c.WriteTimeout, "write-timeout", 30*time.Second, "response write timeout")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", 60*time.Second, "keep-alive idle timeout")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 10*time.Second, "graceful shutdown timeout")
	// -dev alone means true, as for a bool flag.
	for i, a := range args {
		if a == "-dev" || a == "--dev" {
			args[i] = a + "=true"
		}
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch *dev {
	case "":
		c.Dev = c.DB == "onething.db"
	case "true", "1":
		c.Dev = true
	case "false", "0":
		c.Dev = false
	default:
		return c, fmt.Errorf("-dev: want true or false, got %q", *dev)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, fmt.Errorf("-log: want text or json, got %q", c.LogFormat)
	}
	return c, nil
}
