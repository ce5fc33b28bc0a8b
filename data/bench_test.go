package data

import (
	"testing"

	"peacecmp/internal/synth"
)

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if lib, ps := Load(EmbeddedLayer()); lib == nil {
			b.Fatal(ps)
		}
	}
}

func BenchmarkLoad10k(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000, 10000); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l, _ := DiskLayer("bench", dir)
		if lib, ps := Load(EmbeddedLayer(), l); lib == nil {
			b.Fatal(ps)
		}
	}
}
