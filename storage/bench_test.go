package storage

import (
	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"

	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The benchmarks run against a database the size of a large municipality's
// after some years: 40,000 clients and 200,000 sessions.
const (
	benchClients  = 40_000
	benchSessions = 200_000
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchDB returns the seeded database, made once per test binary run.
func benchDB(b *testing.B) *DB {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "samenbeslissen-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, DatabaseFileName)
		benchErr = seed(benchPath)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	d, err := Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	return d
}

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

var (
	firstNames = []string{"Jan", "Aïcha", "Mohammed", "Fatima", "Pieter", "Anouk", "Yusuf", "Sanne", "Daan", "Zeynep", "Kees", "Noor", "Ahmed", "Lotte", "Bram", "Émilie"}
	lastNames  = []string{"de Vries", "Jansen", "El Amrani", "Bakker", "Yılmaz", "Visser", "Smit", "Öztürk", "de Jong", "Mulder", "Bouzid", "van Dijk"}
)

// seed fills a new database in one transaction, the way the app writes it.
func seed(path string) error {
	d, err := Open(path)
	if err != nil {
		return err
	}
	defer d.Close()
	tx, err := d.sql.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	for i := 1; i <= benchClients; i++ {
		name := fmt.Sprintf("%s %s", firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))])
		t := start + r.Int64N(4*365*24*3600*1000)
		if _, err := tx.Exec(`INSERT INTO clients (id, name, search, reference, created_at, last_activity) VALUES (?, ?, ?, ?, ?, ?)`,
			i, name, searchText(name, fmt.Sprintf("K%06d", i)), fmt.Sprintf("K%06d", i), t, t); err != nil {
			return err
		}
	}
	for i := 1; i <= benchSessions; i++ {
		client := r.IntN(benchClients) + 1
		t := start + r.Int64N(4*365*24*3600*1000)
		if _, err := tx.Exec(`INSERT INTO sessions (id, client_id, started_at, updated_at) VALUES (?, ?, ?, ?)`, i, client, t, t); err != nil {
			return err
		}
		for _, kv := range [][2]string{
			{cards.KeyStep, "6"}, {cards.KeyGoal, "Werk in de zorg, 20 uur per week"},
			{cards.KeyExpectations, "Ik wil weten wat ik kan doen."}, {cards.KeyAreaNote(cards.AreaMoney), "Huurachterstand van twee maanden."},
			{cards.KeyNote(2), "Notitie van de klantmanager over dit gesprek."},
		} {
			if _, err := tx.Exec(`INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)`, i, kv[0], kv[1]); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`UPDATE clients SET last_activity = max(last_activity, ?) WHERE id = ?`, t, client); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// BenchmarkSetValue saves one edit, as typing in a session does: one
// committed, synced transaction.
func BenchmarkSetValue(b *testing.B) {
	d := benchDB(b)
	r := rand.New(rand.NewPCG(3, 4))
	i := 0
	for b.Loop() {
		i++
		if err := d.SetValue(int64(r.IntN(benchSessions)+1), cards.KeyGoal, fmt.Sprintf("Werk in de zorg %d", i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListClients lists the home screen: the 100 most recently active
// clients with their number of sessions.
func BenchmarkListClients(b *testing.B) {
	d := benchDB(b)
	for b.Loop() {
		if cs, err := d.ListClients(context.Background(), "", 100); err != nil || len(cs) != 100 {
			b.Fatal(len(cs), err)
		}
	}
}

// BenchmarkSearchClients searches by part of a name, ignoring accents.
func BenchmarkSearchClients(b *testing.B) {
	d := benchDB(b)
	for b.Loop() {
		if cs, err := d.ListClients(context.Background(), "aicha el am", 100); err != nil || len(cs) == 0 {
			b.Fatal(len(cs), err)
		}
	}
}

// BenchmarkSearchClientsRare searches a name that few clients have, so the
// whole table is scanned before 100 are found.
func BenchmarkSearchClientsRare(b *testing.B) {
	d := benchDB(b)
	for b.Loop() {
		if _, err := d.ListClients(context.Background(), "K03999", 100); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenSession loads a whole session, as opening it from the
// timeline does.
func BenchmarkOpenSession(b *testing.B) {
	d := benchDB(b)
	r := rand.New(rand.NewPCG(5, 6))
	for b.Loop() {
		if _, err := d.Session(int64(r.IntN(benchSessions) + 1)); err != nil {
			b.Fatal(err)
		}
	}
}
