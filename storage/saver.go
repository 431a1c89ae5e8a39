package storage

import (
	"sync"
	"time"
)

// Saver writes a session's edits in the background as they are typed, so
// the screen never waits for the disk. Edits to the same field that queue
// up while a write is under way are merged: only the newest value is
// written. Every queued edit is committed within one write of the disk.
type Saver struct {
	db      *DB
	onSaved func(pending bool, err error)

	mu      sync.Mutex
	pending map[int64]map[string]string // session → key → value
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
		wake:    make(chan struct{}, 1),
		flush:   make(chan chan error),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go s.run()
	return s
}

// Set queues one edit.
func (s *Saver) Set(sessionID int64, key, value string) {
	s.mu.Lock()
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
// next write tries them again.
func (s *Saver) write() error {
	s.mu.Lock()
	batch := s.pending
	s.pending = map[int64]map[string]string{}
	s.mu.Unlock()
	var lastErr error
	for sessionID, values := range batch {
		if err := s.db.SetValues(sessionID, values); err != nil {
			lastErr = err
			s.requeue(sessionID, values)
		}
	}
	if lastErr != nil {
		// Nothing may be typed for a while: try again by itself, so that
		// text kept on screen through a full disk is saved once there is room.
		time.AfterFunc(retryAfter, s.poke)
	}
	if s.onSaved != nil && len(batch) > 0 {
		s.mu.Lock()
		pending := len(s.pending) > 0
		s.mu.Unlock()
		s.onSaved(pending, lastErr)
	}
	return lastErr
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
