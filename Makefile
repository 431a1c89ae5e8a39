# Two commands: `make run` opens the app, `make test` runs every check.
# Both first install what the build needs on Debian/Ubuntu (see deps).

GO ?= go
BIN := bin/samenbeslissen

# Debian packages: the C toolchain and headers Fyne's OpenGL driver needs,
# poppler-utils, qpdf and liblcms2-utils to read PDFs and their colour
# profile back and check them in tests, Xvfb, openbox, xdotool and
# ImageMagick for screenshots, the Noto fonts, and PostgreSQL for the team
# database's tests (they start a throwaway server of their own; see
# storage/pgtest).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	libwayland-dev libxkbcommon-dev wayland-protocols \
	poppler-utils qpdf liblcms2-utils xvfb xauth imagemagick xdotool openbox x11-utils fonts-noto-core \
	postgresql

.PHONY: run test build deps bench bench-team bench-printables screenshot fuzz windows msi package check-packages

run: deps build
	LANG=nl_NL.UTF-8 ./$(BIN) # the UI language is our own; this only stops Fyne logging about "C"

build:
	$(GO) build -o $(BIN) .

test: deps
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	# A set locale keeps Fyne from logging about "C"; without PostgreSQL the
	# team database's tests fail rather than skip.
	LANG=nl_NL.UTF-8 SAMENBESLISSEN_PG_REQUIRED=1 $(GO) test ./...
	@$(call fuzz-each,$(FUZZTIME_TEST),1s)

# Fuzz targets, as package:FuzzName: catalogue import (TOML, CSV, .xlsx),
# the readability scorer, the Arabic shaper, bidi ordering and the plan
# (textdir's FuzzClusters, simple enough, runs its seeds with go test only).
# `make test` runs each for a few seconds; `make fuzz` for FUZZTIME each.
# An input that fails is written to the package's testdata/fuzz; commit it.
FUZZ_TARGETS := cards:FuzzParseTOML cards:FuzzParseCSV cards:FuzzParseXLSX cards:FuzzMeasure cards:FuzzRemoveBSNs \
	textdir:FuzzShapeArabic textdir:FuzzVisualRuns textdir:FuzzRTLPieces \
	pdf:FuzzWritePlan
FUZZTIME ?= 60s
FUZZTIME_TEST := 3s

# fuzz-each runs every target for $(1), minimizing a new input for at most
# $(2) (by default a minute, which would take up a short run); go test takes
# one -fuzz target at a time.
fuzz-each = for t in $(FUZZ_TARGETS); do \
	pkg=$${t%%:*}; name=$${t\#*:}; log=$$(mktemp); \
	printf 'fuzz %s %s for %s: ' $$pkg $$name $(1); \
	if ! $(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(1) -fuzzminimizetime $(2) >$$log 2>&1; then \
		echo FAIL; cat $$log; rm -f $$log; exit 1; \
	fi; \
	tail -n 3 $$log | grep -o 'execs: [0-9]*' | tail -n 1; rm -f $$log; \
	done

fuzz:
	@$(call fuzz-each,$(FUZZTIME),10s)

# Benchmarks named in the README, summarised (median) by benchstat.
BENCHSTAT := golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
bench:
	mkdir -p bin
	$(GO) test ./cards ./storage ./pdf -run '^$$' -bench . -skip TeamLoad -count 10 > bin/bench.txt
	$(GO) run $(BENCHSTAT) bin/bench.txt

# A busy morning on a team database (storage/load_test.go): 200
# professionals on their own connections, an edit every 300 ms each for
# 60 s, on a durable throwaway PostgreSQL server with 100,000 clients.
bench-team: deps
	$(GO) test ./storage -run '^$$' -bench TeamLoad -benchtime 1x -timeout 20m

# The printables as a user waits for them, whole process, beside a
# bare-fpdf floor program writing the same pages (bench/floor).
bench-printables: deps build
	$(GO) build -o bin/floor ./bench/floor
	./scripts/bench-printables.sh $(BIN) bin/floor 7

# Installs missing Debian packages: quietly with apt-get as root, otherwise
# it prints the command to run. Installed packages are not touched again.
deps:
	@$(call install,$(DEB_PACKAGES))

# install installs the Debian packages of $(1) that are missing: quietly
# with apt-get as root, otherwise it prints the command to run.
define install
missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
if [ -n "$$missing" ]; then \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing: $$missing"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	else \
		echo "Missing packages. Run: sudo apt-get install -y $$missing"; exit 1; \
	fi; \
fi
endef

# Installers, into dist/ (see the README's part for IT departments): the
# Windows program cross-compiled with mingw-w64, with its icon and version
# information (the fyne tool), the per-user MSI (wixl) and a portable zip,
# and the Linux package (tar.xz with desktop entry and icon). The first
# build takes about 12 minutes for Windows and 7 for Linux on 2 cores.
# The Windows program is built with Fyne's accessibility tag, so screen
# readers (Narrator, NVDA, JAWS) read its widgets through UI Automation.
VERSION := $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
FYNE := bin/fyne

# The fyne tool, built for this machine (not with the Windows compiler).
bin/fyne:
	GOBIN=$(CURDIR)/bin $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
PACKAGING_PACKAGES := gcc-mingw-w64-x86-64 msitools wixl zip imagemagick

windows: deps bin/fyne
	@$(call install,$(PACKAGING_PACKAGES))
	cp FyneApp.toml bin/FyneApp.toml.kept # fyne package --release counts up its Build
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 $(FYNE) package -os windows --release --tags accessibility; \
		status=$$?; mv bin/FyneApp.toml.kept FyneApp.toml; exit $$status
	mkdir -p dist && mv "Samen Beslissen.exe" dist/samenbeslissen.exe

msi: windows
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 dist/samenbeslissen.ico
	wixl -D Version=$(VERSION) -D Exe=dist/samenbeslissen.exe -D Icon=dist/samenbeslissen.ico \
		-o dist/SamenBeslissen-$(VERSION).msi packaging/windows/samenbeslissen.wxs
	rm -rf dist/zip && mkdir -p dist/zip/SamenBeslissen
	cp dist/samenbeslissen.exe packaging/windows/LEESMIJ.txt dist/zip/SamenBeslissen/
	cd dist/zip && rm -f ../SamenBeslissen-$(VERSION)-windows.zip && zip -qr ../SamenBeslissen-$(VERSION)-windows.zip SamenBeslissen
	rm -rf dist/zip

# Without the accessibility tag: in Fyne 2.8.1 it is implemented for
# Windows and macOS only and does nothing on Linux (no AT-SPI), so it would
# change nothing here.
package: deps bin/fyne
	cp FyneApp.toml bin/FyneApp.toml.kept
	$(FYNE) package -os linux --release; status=$$?; mv bin/FyneApp.toml.kept FyneApp.toml; exit $$status
	mkdir -p dist && mv "Samen Beslissen.tar.xz" dist/SamenBeslissen-$(VERSION)-linux.tar.xz

# Builds every installer and reads them back (packaging/dist_test.go).
check-packages: msi package
	SAMENBESLISSEN_DIST=$(CURDIR)/dist $(GO) test ./packaging -count=1 -v

# Screenshots of the running app under Xvfb, and the printables rendered to
# PNG, as in docs/.
screenshot: deps build
	./scripts/screenshot.sh $(BIN) docs
	./scripts/team-screenshots.sh $(BIN) docs
	./scripts/printables.sh $(BIN) docs
