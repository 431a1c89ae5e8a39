package ui

import (
	"context"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Store is what the screens need of the database; *storage.DB implements it.
type Store interface {
	ListClients(ctx context.Context, query string, limit int) ([]cards.Client, error)
	Client(id int64) (cards.Client, error)
	CreateClient(name, reference string) (cards.Client, error)
	UpdateClient(id int64, name, reference string) error
	// SetClientLanguage keeps the language the client reads their things in.
	SetClientLanguage(id int64, lang string) error

	Sessions(clientID int64) ([]cards.SessionSummary, error)
	Session(id int64) (cards.Session, error)
	CreateSession(clientID int64) (cards.Session, error)
	CreateFollowUp(previousID int64) (cards.Session, error)

	AddOption(sessionID int64, c cards.Card) error
	RemoveOption(sessionID int64, cardID string) error
	AddAgreement(sessionID int64) (cards.Agreement, error)
	SetAgreement(id int64, field cards.AgreementField, value string) error
	DeleteAgreement(id int64) error

	// LanguageChecked says when the municipality marked a client language
	// as checked by a native speaker (zero: not marked).
	LanguageChecked(lang string) (time.Time, error)
	SetLanguageChecked(lang string, on time.Time) error

	// NoClients says the login has no clients and reads none (policy staff,
	// the privacy officer): the window shows the cards, and the figures
	// when it is given them.
	NoClients() bool
}

// Saver stores typed values in the background; *storage.Saver implements it.
type Saver interface {
	// Track says which revision of a session the screen opened, so that
	// edits are checked against what colleagues saved since.
	Track(sessionID, revision int64)
	Set(sessionID int64, key, value string)
	// Release saves a field again after a conflict on it was decided.
	Release(sessionID int64, key string)
	Flush() error
}

// NewSaverFunc starts a saver that reports each write to onSaved, and
// fields of a tracked session that colleagues saved to onChanged (theirs
// to show, conflicts to choose), from any goroutine.
type NewSaverFunc func(onSaved func(pending bool, err error), onChanged func(sessionID int64, theirs, conflicts []cards.Change)) Saver

// Printer writes the printables as PDF files and returns their paths; the
// app package implements it with package pdf.
type Printer interface {
	PrintPlan(sessionID int64, lang string) (string, error)
	// PrintPlanTwoLanguages has the Dutch beneath every heading.
	PrintPlanTwoLanguages(sessionID int64, lang string) (string, error)
	PrintOverview(sessionID int64, lang string) (string, error)
	PrintDeck(cardIDs []string, choice DeckChoice) (string, error)
	// PrintReport writes a session's gespreksverslag, for the municipality's file.
	PrintReport(sessionID int64, lang string) (string, error)
	// ExportClient writes everything about a client into one zip (inzage).
	ExportClient(clientID int64) (string, error)
	Organisation() (cards.Organisation, error)
	// OrganisationFixedBy names the municipality's settings file when it
	// fixes the municipality on the printables; "" when the laptop sets it.
	OrganisationFixedBy() string
	SetOrganisation(cards.Organisation) error
}

// CatalogueStore keeps the catalogue the municipality loaded, so that it is
// there at the next start. The app package implements it on disk.
type CatalogueStore interface {
	// Keep stores cards as the catalogue in use.
	Keep(cs []cards.Card) error
	// Forget removes the stored catalogue and returns the built-in one.
	Forget() (*cards.Catalogue, error)
	// CardTexts returns the texts of these cards in a language, as far as
	// they are translated and current.
	CardTexts(lang string, cs []cards.Card) (cards.Translations, error)
	// TranslationSheet is a language's sheet for a translation agency, as
	// a workbook, with the number of texts in it.
	TranslationSheet(lang string) ([]byte, int, error)
	// ImportTranslation keeps a filled-in sheet and returns how many texts
	// are now translated and current.
	ImportTranslation(lang, name string, data []byte) (int, error)
}

// Privacy is what the AVG asks of the app: erasing a client, keeping data
// no longer than needed, backups. The app package implements it over the
// database, its backups and the printed files.
type Privacy interface {
	// EraseClient erases a client everywhere and returns the backups that
	// could not be changed and still hold them.
	EraseClient(id int64) (stillIn []string, err error)
	// ExpiredClients are the clients past the retention period.
	ExpiredClients() ([]cards.Client, error)
	Settings() (PrivacySettings, error)
	SetSettings(PrivacySettings) error
	Backups() ([]BackupInfo, error)
	MakeBackup() error
	// CleanPrints removes every printed file now and says how many.
	CleanPrints() (int, error)
	// Restore puts a backup in the place of the database, keeping the
	// current file aside under the returned name; the window starts again.
	Restore(name string) (aside string, err error)
}

// PrivacySettings are the retention periods and where backups go.
type PrivacySettings struct {
	RetentionMonths int // after the last conversation
	PrintDays       int // printed files in the storage folder
	BackupDir       string
	BackupKeep      int
}

// BackupInfo is one backup, as the user picks it.
type BackupInfo struct {
	Name string
	Time time.Time
}
