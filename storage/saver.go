package storage

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Saver writes a session's edits in the background as they are typed, so
// the screen never waits for the disk. Edits to the same field that queue
// up while a write is under way are merged: only the newest value is
// written. Every queued edit is committed within one write of the disk.
//
// In a team, a session that the screen opened with Track is saved with
// SaveEdits: what colleagues saved meanwhile comes back through OnChanged,
// and a field both typed in is not overwritten but offered to choose.
type Saver struct {
	db        *DB
	onSaved   func(pending bool, err error)
	onChanged func(sessionID int64, theirs, conflicts []cards.Change)

	outbox  *Outbox // a team database's edits that wait for the server; nil on a laptop
	waiting bool    // the outbox may hold edits; false once a drain found it empty
	drained bool    // the last drain sent something: worth reporting

	mu      sync.Mutex
	pending map[int64]map[string]string // session → key → value
	seen    map[int64]int64             // session → the revision the screen shows
	held    map[int64]map[string]bool   // session → fields with two versions on screen, not saved until Release
	wake    chan struct{}
	flush   chan chan error
	quit    chan struct{}
	done    chan struct{}
	close   sync.Once
}

// NewSaver starts a saver. onSaved, if not nil, is called from the saver's
// goroutine after each write with whether more edits are waiting and the
// write's error.
func NewSaver(db *DB, onSaved func(pending bool, err error)) *Saver {
	s := &Saver{
		db: db, onSaved: onSaved,
		pending: map[int64]map[string]string{},
		seen:    map[int64]int64{},
		held:    map[int64]map[string]bool{},
		wake:    make(chan struct{}, 1),
		flush:   make(chan chan error),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go s.run()
	return s
}

// ErrKeptOffline is what a save reports when the team database could not
// be reached and the edits went into the outbox on this laptop: nothing is
// lost, and they are sent when the server is back.
var ErrKeptOffline error = keptOffline{}

type keptOffline struct{}

func (keptOffline) Error() string { return "Geen verbinding: je werk wordt op deze laptop bewaard" }

// KeptLocally tells the screens that this is no failure to show as one.
func (keptOffline) KeptLocally() bool { return true }

// UseOutbox makes the saver keep edits in o while the team database cannot
// be reached, and send what o holds first. Call it before the first Set.
func (s *Saver) UseOutbox(o *Outbox) {
	s.outbox, s.waiting = o, true
	s.poke() // what a stopped laptop left behind goes now
}

// Track tells the saver which revision of a session the screen shows, as
// it opens it: edits are then checked against what others saved since.
func (s *Saver) Track(sessionID, revision int64) {
	s.mu.Lock()
	s.seen[sessionID] = revision
	s.mu.Unlock()
}

// Release ends a conflict on a field, once the professional chose: what is
// typed in it is saved again (Set the chosen version to save it).
func (s *Saver) Release(sessionID int64, key string) {
	s.mu.Lock()
	delete(s.held[sessionID], key)
	s.mu.Unlock()
}

// OnChanged sets what is told, from the saver's goroutine, of fields that
// others saved in a tracked session: theirs to show, conflicts to choose.
// A field of theirs that was typed here meanwhile is a conflict too.
func (s *Saver) OnChanged(f func(sessionID int64, theirs, conflicts []cards.Change)) {
	s.mu.Lock()
	s.onChanged = f
	s.mu.Unlock()
}

// Set queues one edit. An edit of a field in conflict is not saved: the
// screen keeps it as its own version until the professional chooses.
func (s *Saver) Set(sessionID int64, key, value string) {
	s.mu.Lock()
	if s.held[sessionID][key] {
		s.mu.Unlock()
		return
	}
	if s.pending[sessionID] == nil {
		s.pending[sessionID] = map[string]string{}
	}
	s.pending[sessionID][key] = value
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a write is already due
	}
}

// Flush waits until every queued edit is written and returns the error of
// the last write.
func (s *Saver) Flush() error {
	ack := make(chan error)
	select {
	case s.flush <- ack:
		return <-ack
	case <-s.done:
		return nil
	}
}

// Close writes what is queued and stops the saver; closing again does nothing.
func (s *Saver) Close() error {
	err := s.Flush()
	s.close.Do(func() { close(s.quit) })
	<-s.done
	return err
}

func (s *Saver) run() {
	defer close(s.done)
	for {
		select {
		case <-s.wake:
			s.write()
		case ack := <-s.flush:
			ack <- s.write()
		case <-s.quit:
			return
		}
	}
}

// write commits everything queued. On failure the edits go back in the
// queue, unless newer ones for the same field arrived meanwhile, so the
// next write tries them again. With an outbox (a team database), edits
// that cannot reach the server are kept in it instead, and sent first, in
// order, once it can be reached again.
func (s *Saver) write() error {
	s.mu.Lock()
	batch := s.pending
	s.pending = map[int64]map[string]string{}
	s.mu.Unlock()
	var lastErr error
	offline := s.drain() != nil
	for sessionID, values := range batch {
		err := ErrOffline
		if !offline {
			err = s.save("", sessionID, s.seenOf(sessionID), values)
		}
		if err != nil && s.outbox != nil && errors.Is(err, ErrOffline) {
			offline = true
			if err = s.outbox.add(s.db.Login(), sessionID, s.seenOf(sessionID), values); err == nil {
				s.waiting = true
				err = ErrKeptOffline
			}
		}
		if err != nil {
			lastErr = err
			if !errors.Is(err, ErrKeptOffline) {
				s.requeue(sessionID, values)
			}
		}
	}
	if offline && lastErr == nil {
		lastErr = ErrKeptOffline // the outbox still holds edits
	}
	if lastErr != nil {
		// Nothing may be typed for a while: try again by itself, so that
		// text kept on screen through a full disk is saved once there is
		// room, and the outbox is sent once the server is back.
		time.AfterFunc(retryAfter, s.poke)
	}
	if s.onSaved != nil && (len(batch) > 0 || lastErr != nil || s.drained) {
		s.drained = false
		s.mu.Lock()
		pending := len(s.pending) > 0
		s.mu.Unlock()
		s.onSaved(pending, lastErr)
	}
	return lastErr
}

// seenOf is the revision the screen shows of a session; -1 when it is not
// tracked, and nothing is checked.
func (s *Saver) seenOf(sessionID int64) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seen, ok := s.seen[sessionID]; ok {
		return seen
	}
	return -1
}

// drain sends what the outbox holds for this login, oldest first, each
// batch exactly once; it stops at the first that cannot reach the server.
// An outbox known to be empty is not read again, so a save online costs no
// read of the laptop's disk.
func (s *Saver) drain() error {
	if s.outbox == nil || !s.waiting {
		return nil
	}
	for {
		b, err := s.outbox.first(s.db.Login())
		if err != nil {
			return err
		}
		if b == nil {
			s.waiting = false
			return nil
		}
		if err := s.save(b.id, b.sessionID, b.seen, b.values); err != nil {
			if errors.Is(err, ErrOffline) {
				return err
			}
			// The server refuses this batch for good (the client was
			// handed over or erased meanwhile): keeping it would hold up
			// everything after it.
			s.report(fmt.Errorf("niet bewaard wat je zonder verbinding typte in gesprek %d: %w", b.sessionID, err))
		}
		if err := s.outbox.remove(b.seq); err != nil {
			return err
		}
		s.drained = true
	}
}

// report tells onSaved of an error that concerns no edit still queued.
func (s *Saver) report(err error) {
	if s.onSaved != nil {
		s.onSaved(false, err)
	}
}

// save writes one session's edits, checked against revision seen (-1: not
// checked), and tells what others changed. id names a batch from the
// outbox, stored exactly once.
func (s *Saver) save(id string, sessionID, seen int64, values map[string]string) error {
	saved, err := s.db.saveEdits(id, sessionID, seen, values)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if current, tracked := s.seen[sessionID]; tracked && saved.Revision > current {
		s.seen[sessionID] = saved.Revision
	}
	// What was typed here while this write was under way must not be
	// replaced on screen by theirs: it is a conflict, to choose. A field in
	// conflict is held: what is typed in it waits for the choice.
	theirs, conflicts := saved.Theirs[:0:0], saved.Conflicts[:0:0]
	for _, c := range saved.Theirs {
		if mine, typed := s.pending[sessionID][c.Key]; typed && mine != c.Value {
			c.Mine = mine
			conflicts = append(conflicts, c)
			continue
		}
		theirs = append(theirs, c)
	}
	for _, c := range saved.Conflicts {
		if mine, typed := s.pending[sessionID][c.Key]; typed {
			c.Mine = mine
		}
		conflicts = append(conflicts, c)
	}
	for _, c := range conflicts {
		delete(s.pending[sessionID], c.Key)
		if s.held[sessionID] == nil {
			s.held[sessionID] = map[string]bool{}
		}
		s.held[sessionID][c.Key] = true
	}
	onChanged := s.onChanged
	s.mu.Unlock()
	if onChanged != nil && len(theirs)+len(conflicts) > 0 {
		onChanged(sessionID, theirs, conflicts)
	}
	return nil
}

// retryAfter is how long the saver waits before writing again after a
// failed write.
const retryAfter = 5 * time.Second

// poke wakes the saver to write what is queued.
func (s *Saver) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Saver) requeue(sessionID int64, values map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending[sessionID] == nil {
		s.pending[sessionID] = map[string]string{}
	}
	for k, v := range values {
		if _, newer := s.pending[sessionID][k]; !newer {
			s.pending[sessionID][k] = v
		}
	}
}
