package storage

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// engine is the database a DB talks to. The queries are written once, with
// ? placeholders; the few that differ between the engines are chosen by
// the DB's engine.
type engine int

const (
	engineSQLite engine = iota
	enginePostgres
)

func (e engine) String() string {
	if e == enginePostgres {
		return "postgres"
	}
	return "sqlite"
}

// rebound caches queries with ? rewritten to $1, $2… for PostgreSQL.
var rebound sync.Map

// rebind rewrites ? placeholders for e. Our queries have no ? inside
// string literals.
func (e engine) rebind(q string) string {
	if e != enginePostgres || !strings.Contains(q, "?") {
		return q
	}
	if r, ok := rebound.Load(q); ok {
		return r.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	rebound.Store(q, b.String())
	return b.String()
}

// querier is what both a DB and a transaction run queries on.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn runs queries written with ? placeholders on one engine.
type conn struct {
	q querier
	e engine
}

func (c conn) Exec(query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(context.Background(), c.e.rebind(query), args...)
}

func (c conn) Query(query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(context.Background(), c.e.rebind(query), args...)
}

func (c conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.e.rebind(query), args...)
}

func (c conn) QueryRow(query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(context.Background(), c.e.rebind(query), args...)
}

// db runs queries outside a transaction.
func (d *DB) db() conn { return conn{d.sql, d.engine} }

// tx runs f in a transaction and commits it.
func (d *DB) tx(f func(tx conn) error) error {
	tx, err := d.sql.BeginTx(context.Background(), nil)
	if err != nil {
		return d.describe(err)
	}
	if err := f(conn{tx, d.engine}); err != nil {
		tx.Rollback()
		return d.describe(err)
	}
	return d.describe(tx.Commit())
}

// placeholders is n question marks, for an argument list.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }
