// Package packaging holds what makes the installers (windows/ for the MSI)
// and the test that reads them back. `make check-packages` builds the
// Windows program, the MSI, the portable zip and the Linux package into
// dist/ and runs this test on them; a plain `go test ./...` skips it, as
// building them takes about twenty minutes on a fresh machine.
package packaging

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// distDir returns dist/, or skips the test when the Makefile did not ask
// for it.
func distDir(t *testing.T) string {
	dir := os.Getenv("SAMENBESLISSEN_DIST")
	if dir == "" {
		t.Skip("make check-packages builds the installers and runs this test")
	}
	return dir
}

// version is the app's version as FyneApp.toml has it.
func version(t *testing.T) string {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "Version = "); ok {
			return strings.Trim(v, `"`)
		}
	}
	t.Fatal("FyneApp.toml has no Version")
	return ""
}

// TestWindowsExe reads the Windows program: a 64-bit PE file for the GUI
// subsystem with an icon, an icon group and version information that names
// the app and its version.
func TestWindowsExe(t *testing.T) {
	path := filepath.Join(distDir(t), "samenbeslissen.exe")
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("%s is not a PE file: %v", path, err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Fatalf("not a 64-bit x86 program: machine %#x", f.Machine)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want the GUI (%d): a console window would open with the app", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		t.Fatal("no resources (.rsrc)")
	}
	data, err := rsrc.Data()
	if err != nil {
		t.Fatal(err)
	}
	types := map[uint32]bool{}
	n := int(binary.LittleEndian.Uint16(data[12:])) + int(binary.LittleEndian.Uint16(data[14:]))
	for i := range n {
		entry := data[16+8*i:]
		types[binary.LittleEndian.Uint32(entry)] = true
	}
	for id, name := range map[uint32]string{3: "icon", 14: "icon group", 16: "version information"} {
		if !types[id] {
			t.Errorf("the program has no %s resource (type %d); it has %v", name, id, types)
		}
	}
	for _, want := range []string{"Samen Beslissen", version(t)} {
		if !bytes.Contains(data, utf16le(want)) {
			t.Errorf("the version information does not say %q", want)
		}
	}
}

// screenReaderImports are what Fyne's UI Automation provider
// (internal/driver/glfw/accessibility_windows.c, built only with
// -tags accessibility) takes from OLEAUT32.dll: the names it hands screen
// readers as BSTRs, its element ids as SAFEARRAYs. A program built without
// the tag imports none of them.
var screenReaderImports = []string{"SysAllocString", "SafeArrayCreate", "SafeArrayPutElement", "VariantInit"}

// TestWindowsExe_ScreenReader reads from the program's imports that it was
// built with Fyne's accessibility code, so Narrator, NVDA and JAWS can read
// its widgets, and logs them for `make check-packages` to show.
func TestWindowsExe_ScreenReader(t *testing.T) {
	path := filepath.Join(distDir(t), "samenbeslissen.exe")
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("%s is not a PE file: %v", path, err)
	}
	defer f.Close()
	syms, err := f.ImportedSymbols()
	if err != nil {
		t.Fatalf("%s: reading the imports: %v", path, err)
	}
	oleaut := map[string]bool{}
	for _, s := range syms {
		if name, dll, _ := strings.Cut(s, ":"); strings.EqualFold(dll, "oleaut32.dll") {
			oleaut[name] = true
		}
	}
	var missing []string
	for _, name := range screenReaderImports {
		if !oleaut[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		t.Fatalf("the program does not import %s from OLEAUT32.dll: it was built without -tags accessibility, and screen readers see nothing in it", strings.Join(missing, ", "))
	}
	t.Logf("screen reader: the program imports %s from OLEAUT32.dll (Fyne's UI Automation provider, -tags accessibility)", strings.Join(screenReaderImports, ", "))
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// TestMSI reads the MSI's tables with msiinfo: a per-user installation
// without administrator rights, in the user's local programs folder, a
// Start-menu shortcut with the icon, and the upgrade code that never
// changes, with a major upgrade so a new version replaces the old.
func TestMSI(t *testing.T) {
	path := filepath.Join(distDir(t), "SamenBeslissen-"+version(t)+".msi")
	table := func(name string) string {
		out, err := exec.Command("msiinfo", "export", path, name).CombinedOutput()
		if err != nil {
			t.Fatalf("msiinfo export %s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	info, err := exec.Command("msiinfo", "suminfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("msiinfo suminfo: %v\n%s", err, info)
	}
	// The word count (msiinfo calls it Source): bit 2 compressed, bit 8
	// elevated privileges not required.
	var words int
	for _, l := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(l, "Source: "); ok {
			fmt.Sscan(v, &words)
		}
	}
	if words&8 == 0 {
		t.Errorf("the package asks for administrator rights (word count %d):\n%s", words, info)
	}
	props := table("Property")
	if !strings.Contains(props, "UpgradeCode\t{7A60FE0B-7D72-4FE1-9D6C-64FF66836BCA}") {
		t.Errorf("the upgrade code changed or is missing:\n%s", props)
	}
	if strings.Contains(props, "ALLUSERS\t1") {
		t.Error("the package installs for all users")
	}
	if upgrade := table("Upgrade"); !strings.Contains(upgrade, "{7A60FE0B-7D72-4FE1-9D6C-64FF66836BCA}") {
		t.Errorf("no major upgrade of earlier versions:\n%s", upgrade)
	}
	dirs := table("Directory")
	for _, want := range []string{"LocalAppDataFolder", "Programs", "SamenBeslissen"} {
		if !strings.Contains(dirs, want) {
			t.Errorf("the install folder lacks %q:\n%s", want, dirs)
		}
	}
	shortcut := table("Shortcut")
	if !strings.Contains(shortcut, "ProgramMenuFolder") || !strings.Contains(shortcut, "Samen Beslissen") || !strings.Contains(shortcut, "SamenBeslissen.ico") {
		t.Errorf("no Start-menu shortcut with the icon:\n%s", shortcut)
	}
	if files := table("File"); !strings.Contains(files, "samenbeslissen.exe") {
		t.Errorf("the package does not hold the program:\n%s", files)
	}
}

// TestPortableZip reads the zip for those who do not use MSI.
func TestPortableZip(t *testing.T) {
	path := filepath.Join(distDir(t), "SamenBeslissen-"+version(t)+"-windows.zip")
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	for _, want := range []string{"SamenBeslissen/samenbeslissen.exe", "SamenBeslissen/LEESMIJ.txt"} {
		if !names[want] {
			t.Errorf("the zip lacks %s; it has %v", want, names)
		}
	}
}

// TestLinuxPackage reads the tar.xz with tar: the program, a desktop
// entry that starts it, and the icon.
func TestLinuxPackage(t *testing.T) {
	path := filepath.Join(distDir(t), "SamenBeslissen-"+version(t)+"-linux.tar.xz")
	member := func(name string) string {
		out, err := exec.Command("tar", "-xJOf", path, name).Output()
		if err != nil {
			t.Errorf("%s: no %s: %v", path, name, err)
		}
		return string(out)
	}
	desktop := member("samenbeslissen/usr/local/share/applications/nl.samenbeslissen.app.desktop")
	if !strings.Contains(desktop, "Name=Samen Beslissen") || !strings.Contains(desktop, "Exec=samenbeslissen") {
		t.Errorf("the desktop entry does not start the app:\n%s", desktop)
	}
	if icon := member("samenbeslissen/usr/local/share/pixmaps/nl.samenbeslissen.app.png"); !strings.HasPrefix(icon, "\x89PNG") {
		t.Error("no icon")
	}
	if bin := member("samenbeslissen/usr/local/bin/samenbeslissen"); !strings.HasPrefix(bin, "\x7fELF") {
		t.Error("no program")
	}
}
