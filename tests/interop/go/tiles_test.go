package main

import (
	"encoding/hex"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

func TestC2SPPath(t *testing.T) {
	for _, c := range []struct {
		tile tlog.Tile
		want string
	}{
		// c2sp.org/tlog-tiles: index 1234067 encodes as x001/x234/067.
		{tlog.Tile{H: 8, L: 0, N: 1234067, W: 256}, "tile/0/x001/x234/067"},
		{tlog.Tile{H: 8, L: 2, N: 0, W: 1}, "tile/2/000.p/1"},
		{tlog.Tile{H: 8, L: 1, N: 1000, W: 17}, "tile/1/x001/000.p/17"},
		{tlog.Tile{H: 8, L: entriesLevel, N: 273, W: 112}, "tile/entries/273.p/112"},
		{tlog.Tile{H: 8, L: entriesLevel, N: 5, W: 256}, "tile/entries/005"},
	} {
		if got := c2spPath(c.tile); got != c.want {
			t.Errorf("c2spPath(%+v) = %q, want %q", c.tile, got, c.want)
		}
	}
}

// hashTiles must be what tlog.NewTiles publishes for the tree, keeping only the widest tile per position
// (tlog lists every intermediate partial width, as a log growing one entry at a time would).
func TestHashTilesMatchNewTiles(t *testing.T) {
	for _, size := range []int64{0, 1, 255, 256, 257, 65535, 65536, 65537, 70000} {
		widest := map[[2]int64]tlog.Tile{}
		var order [][2]int64
		for _, tile := range tlog.NewTiles(tileHeight, 0, size) {
			key := [2]int64{int64(tile.L), tile.N}
			if _, ok := widest[key]; !ok {
				order = append(order, key)
			}
			if tile.W > widest[key].W {
				widest[key] = tile
			}
		}
		got := hashTiles(size)
		if len(got) != len(order) {
			t.Fatalf("size %d: %d tiles, tlog.NewTiles gives %d", size, len(got), len(order))
		}
		for i, key := range order {
			if got[i] != widest[key] {
				t.Errorf("size %d: tile %d is %+v, want %+v", size, i, got[i], widest[key])
			}
		}
	}
}

// The c2sp.org/tlog-tiles example: size 70,000 has 273 full level-0 tiles, one of width 112, one full
// level-1 tile, one of width 17 and a level-2 tile of width 1.
func TestHashTilesSpecExample(t *testing.T) {
	var paths []string
	for _, tile := range hashTiles(70000) {
		if tile.L > 0 || tile.W != tileWidth {
			paths = append(paths, c2spPath(tile))
		}
	}
	want := []string{"tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1"}
	if len(paths) != len(want) {
		t.Fatalf("got %v, want %v", paths, want)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Errorf("got %v, want %v", paths, want)
		}
	}
	if n := len(hashTiles(70000)); n != 277 {
		t.Errorf("%d tiles, want 277", n)
	}
}

func TestTreeHashOfEmptyTreeIsSha256OfEmptyString(t *testing.T) {
	h, err := treeHash(0, &memoryHashes{})
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(h[:]); got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("treeHash(0) = %s", got)
	}
}

func TestSeededEntryLengths(t *testing.T) {
	seen0, seenLong := false, false
	for i := int64(0); i < 5000; i++ {
		e := seededEntry("lengths", i)
		if len(e) > maxEntryLength {
			t.Fatalf("entry %d has %d bytes", i, len(e))
		}
		seen0 = seen0 || len(e) == 0
		seenLong = seenLong || len(e) > 280
	}
	if !seen0 || !seenLong {
		t.Errorf("lengths do not span 0..300: empty seen %v, >280 seen %v", seen0, seenLong)
	}
}

func TestParseBundleRejectsTrailingBytes(t *testing.T) {
	if _, err := parseBundle("b", []byte{0, 1, 'a', 0}, 1); err == nil {
		t.Error("trailing byte accepted")
	}
	if got, err := parseBundle("b", []byte{0, 1, 'a', 0, 0}, 2); err != nil || len(got) != 2 || len(got[1]) != 0 {
		t.Errorf("two entries, the second empty: %v %v", got, err)
	}
}
