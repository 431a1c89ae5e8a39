package ui

import (
	"context"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Store is what the screens need of the database; *storage.DB implements it.
type Store interface {
	ListClients(ctx context.Context, query string, limit int) ([]cards.Client, error)
	Client(id int64) (cards.Client, error)
	CreateClient(name, reference string) (cards.Client, error)
	UpdateClient(id int64, name, reference string) error

	Sessions(clientID int64) ([]cards.SessionSummary, error)
	Session(id int64) (cards.Session, error)
	CreateSession(clientID int64) (cards.Session, error)
	CreateFollowUp(previousID int64) (cards.Session, error)

	AddOption(sessionID int64, c cards.Card) error
	RemoveOption(sessionID int64, cardID string) error
	AddAgreement(sessionID int64) (cards.Agreement, error)
	SetAgreement(id int64, field cards.AgreementField, value string) error
	DeleteAgreement(id int64) error
}

// Saver stores typed values in the background; *storage.Saver implements it.
type Saver interface {
	Set(sessionID int64, key, value string)
	Flush() error
}

// NewSaverFunc starts a saver that reports each write to onSaved, from any
// goroutine.
type NewSaverFunc func(onSaved func(pending bool, err error)) Saver

// Printer writes the printables as PDF files and returns their paths; the
// app package implements it with package pdf.
type Printer interface {
	PrintPlan(sessionID int64, lang string) (string, error)
	PrintOverview(sessionID int64, lang string) (string, error)
	PrintDeck(cardIDs []string, lang string) (string, error)
	Organisation() (cards.Organisation, error)
	SetOrganisation(cards.Organisation) error
}

// CatalogueStore keeps the catalogue the municipality loaded, so that it is
// there at the next start. The app package implements it on disk.
type CatalogueStore interface {
	// Keep stores cards as the catalogue in use.
	Keep(cs []cards.Card) error
	// Forget removes the stored catalogue and returns the built-in one.
	Forget() (*cards.Catalogue, error)
}
