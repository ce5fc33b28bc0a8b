package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entries lists the names in dir, to catch temporary files left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteCreatesANewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, []byte("hello"), false); err != nil {
		t.Fatal(err)
	}
	if read(t, path) != "hello" {
		t.Error("wrong content")
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left behind: %v", got)
	}
}

func TestWriteRefusesAnExistingFileWithoutConsent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(path, []byte("new"), false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if read(t, path) != "precious" {
		t.Error("the existing file was changed")
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left behind: %v", got)
	}
}

func TestWriteReplacesWithConsent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old content that is longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if read(t, path) != "new" {
		t.Error("not replaced")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file must keep its mode 0600: %v %v", info.Mode(), err)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left behind: %v", got)
	}
}

func TestWriteNeverFollowsASymbolicLink(t *testing.T) {
	for _, overwrite := range []bool{false, true} {
		dir := t.TempDir()
		victim := filepath.Join(dir, "victim.txt")
		if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "out.txt")
		if err := os.Symlink(victim, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		err := Write(link, []byte("evil"), overwrite)
		if err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("overwrite=%v: want a refusal, got %v", overwrite, err)
		}
		if read(t, victim) != "precious" {
			t.Errorf("overwrite=%v: the link's target was changed", overwrite)
		}
		// A dangling link is refused too: writing would create its target.
		dangling := filepath.Join(dir, "dangling.txt")
		if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling); err != nil {
			t.Fatal(err)
		}
		if err := Write(dangling, []byte("x"), overwrite); err == nil {
			t.Errorf("overwrite=%v: a dangling link must be refused", overwrite)
		}
		if _, err := os.Stat(filepath.Join(dir, "nowhere.txt")); err == nil {
			t.Errorf("overwrite=%v: the dangling link's target was created", overwrite)
		}
		if got := entries(t, dir); len(got) != 3 {
			t.Errorf("temporary files left behind: %v", got)
		}
	}
}

func TestWriteIntoAMissingDirectoryIsOneLineError(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "no", "such", "out.txt"), []byte("x"), false)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "no such file or directory") {
		t.Fatalf("got %v", err)
	}
}

func TestWriteIntoAReadOnlyDirectoryFailsCleanly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into read-only directories") // CI runs as root; see TestWriteFailureLeavesNoTemporaryFile
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := Write(filepath.Join(dir, "out.txt"), []byte("x"), false)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("got %v", err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("files left behind: %v", got)
	}
}

// A write that fails after the temporary file was written must remove it
// and leave any existing file as it was.
func TestWriteFailureLeavesNoTemporaryFile(t *testing.T) {
	failing := func(string, string) error { return errors.New("injected failure") }
	saved := [2]func(string, string) error{renameFile, linkFile}
	defer func() { renameFile, linkFile = saved[0], saved[1] }()
	renameFile, linkFile = failing, failing

	for _, overwrite := range []bool{false, true} {
		dir := t.TempDir()
		target := filepath.Join(dir, "out.txt")
		if overwrite {
			if err := os.WriteFile(target, []byte("precious"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := Write(target, []byte("x"), overwrite)
		if err == nil || !strings.Contains(err.Error(), "injected failure") {
			t.Fatalf("overwrite=%v: got %v", overwrite, err)
		}
		want := 0
		if overwrite {
			want = 1
			if read(t, target) != "precious" {
				t.Error("the existing file was changed by a failed write")
			}
		}
		if got := entries(t, dir); len(got) != want {
			t.Errorf("overwrite=%v: temporary files left behind: %v", overwrite, got)
		}
	}
}

func TestWriteOverADirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), true); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Fatalf("got %v", err)
	}
}

func TestWriteRefusesNonRegularTargets(t *testing.T) {
	if err := Write("/dev/null", []byte("x"), true); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("got %v", err)
	}
}
