package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// checkpoint is a c2sp.org/tlog-checkpoint body: origin, tree size, root hash, extension lines.
type checkpoint struct {
	origin     string
	size       int64
	root       tlog.Hash
	extensions []string
	text       string // the note text the signatures cover
	signed     []byte // the whole signed note, verbatim
}

func formatCheckpoint(origin string, size int64, root tlog.Hash) string {
	return fmt.Sprintf("%s\n%d\n%s\n", origin, size, base64.StdEncoding.EncodeToString(root[:]))
}

// parseCheckpoint parses a c2sp.org/tlog-checkpoint note text.
func parseCheckpoint(text string) (checkpoint, error) {
	if !strings.HasSuffix(text, "\n") {
		return checkpoint{}, failf("checkpoint body does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 {
		return checkpoint{}, failf("checkpoint body has %d lines, want at least 3", len(lines))
	}
	if lines[0] == "" {
		return checkpoint{}, failf("checkpoint origin line is empty")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, failf("checkpoint size line %q is not a decimal without leading zeroes", lines[1])
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(lines[2])
	if err != nil || len(raw) != tlog.HashSize {
		return checkpoint{}, failf("checkpoint root line %q is not the base64 of 32 bytes", lines[2])
	}
	for i, ext := range lines[3:] {
		if ext == "" {
			return checkpoint{}, failf("checkpoint extension line %d is empty", i+1)
		}
	}
	cp := checkpoint{origin: lines[0], size: size, extensions: lines[3:], text: text}
	copy(cp.root[:], raw)
	return cp, nil
}

// openNote opens a signed note with one verifier key. Beyond note.Open it requires every signature's
// base64 to be canonical: tlog 0.7.0 decodes non-strictly, so flipping an unused low bit of the last
// base64 character of a signature would otherwise leave a changed file that still verifies.
func openNote(msg []byte, vkey string) (*note.Note, error) {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, usagef("verifier key: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return nil, failf("note not verified by %s: %v", v.Name(), err)
	}
	for _, list := range [][]note.Signature{n.Sigs, n.UnverifiedSigs} {
		for _, s := range list {
			if _, err := base64.StdEncoding.Strict().DecodeString(s.Base64); err != nil {
				return nil, failf("signature by %s is not canonical base64", s.Name)
			}
		}
	}
	return n, nil
}

// openCheckpoint reads, verifies and parses a signed checkpoint file.
func openCheckpoint(path, vkey string) (checkpoint, error) {
	msg, err := os.ReadFile(path)
	if err != nil {
		return checkpoint{}, failf("checkpoint: %v", err)
	}
	return openCheckpointBytes(msg, vkey)
}

func openCheckpointBytes(msg []byte, vkey string) (checkpoint, error) {
	n, err := openNote(msg, vkey)
	if err != nil {
		return checkpoint{}, failf("checkpoint: %v", err)
	}
	cp, err := parseCheckpoint(n.Text)
	if err != nil {
		return checkpoint{}, err
	}
	cp.signed = msg
	return cp, nil
}

func runGenkey(args []string) error {
	if len(args) < 1 || len(args) > 2 {
		return usagef("want <name> [seed-hex]")
	}
	if len(args) == 1 {
		skey, vkey, err := note.GenerateKey(rand.Reader, args[0])
		if err != nil {
			return usagef("%v", err)
		}
		fmt.Println(skey)
		fmt.Println(vkey)
		return nil
	}
	// A fixed seed gives reproducible test data; the encoding is note.GenerateKey's.
	seed, err := parseSeed(args[1])
	if err != nil {
		return err
	}
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(args[0], pub)
	if err != nil {
		return usagef("%v", err)
	}
	hash := vkey[len(args[0])+1 : len(args[0])+9]
	fmt.Printf("PRIVATE+KEY+%s+%s+%s\n", args[0], hash, base64.StdEncoding.EncodeToString(append([]byte{1}, seed...)))
	fmt.Println(vkey)
	return nil
}

func parseSeed(s string) ([]byte, error) {
	seed, err := hex.DecodeString(s)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, usagef("seed %q is not 64 hex digits", s)
	}
	return seed, nil
}

func runSignNote(args []string) error {
	signer, err := note.NewSigner(args[0])
	if err != nil {
		return usagef("signer key: %v", err)
	}
	text, err := os.ReadFile(args[1])
	if err != nil {
		return usagef("%v", err)
	}
	signed, err := note.Sign(&note.Note{Text: string(text)}, signer)
	if err != nil {
		return failf("sign %s: %v", args[1], err)
	}
	_, err = os.Stdout.Write(signed)
	return err
}

func runVerifyNote(args []string) error {
	msg, err := os.ReadFile(args[1])
	if err != nil {
		return failf("%v", err)
	}
	n, err := openNote(msg, args[0])
	if err != nil {
		return err
	}
	fmt.Printf("ok: note of %d bytes verified by %s\n", len(n.Text), n.Sigs[0].Name)
	return nil
}

// noteText returns the part of a note the signatures cover: everything up to the blank line before the
// signature block, with its newline (c2sp.org/signed-note). A file with no signatures is all text.
func noteText(msg []byte) []byte {
	if i := bytes.LastIndex(msg, []byte("\n\n")); i >= 0 {
		return msg[:i+1]
	}
	return msg
}

// c2sp.org/tlog-cosignature: Ed25519 cosignatures use signature type 0x04.
const cosignatureV1 = 0x04

func cosignatureKeyID(name string, pub ed25519.PublicKey) uint32 {
	h := sha256.New()
	h.Write([]byte(name + "\n"))
	h.Write([]byte{cosignatureV1})
	h.Write(pub)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

func cosignedMessage(timestamp uint64, body []byte) []byte {
	return append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", timestamp)), body...)
}

func runCosign(args []string) error {
	msg, err := os.ReadFile(args[0])
	if err != nil {
		return usagef("%v", err)
	}
	seed, err := parseSeed(args[1])
	if err != nil {
		return err
	}
	name := args[2]
	if name == "" || strings.ContainsAny(name, " +\n\t") {
		return usagef("cosigner name %q is not a valid key name", name)
	}
	ts, err := strconv.ParseUint(args[3], 10, 63)
	if err != nil || strconv.FormatUint(ts, 10) != args[3] {
		return usagef("timestamp %q is not a decimal POSIX time", args[3])
	}
	body := noteText(msg)
	if _, err := parseCheckpoint(string(body)); err != nil {
		return err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	sig := make([]byte, 4+8, 4+8+ed25519.SignatureSize)
	binary.BigEndian.PutUint32(sig, cosignatureKeyID(name, pub))
	binary.BigEndian.PutUint64(sig[4:], ts)
	sig = append(sig, ed25519.Sign(priv, cosignedMessage(ts, body))...)
	fmt.Printf("— %s %s\n", name, base64.StdEncoding.EncodeToString(sig))
	fmt.Printf("%s+%08x+%s\n", name, cosignatureKeyID(name, pub), base64.StdEncoding.EncodeToString(append([]byte{cosignatureV1}, pub...)))
	return nil
}

func runVerifyCosignature(args []string) error {
	msg, err := os.ReadFile(args[0])
	if err != nil {
		return failf("%v", err)
	}
	// vkey: name+hash+base64(0x04 || 32-byte Ed25519 public key)
	parts := strings.SplitN(args[1], "+", 3)
	if len(parts) != 3 || len(parts[1]) != 8 {
		return usagef("cosigner vkey is not name+hash+key")
	}
	name := parts[0]
	key, err := base64.StdEncoding.Strict().DecodeString(parts[2])
	if err != nil || len(key) != 1+ed25519.PublicKeySize || key[0] != cosignatureV1 {
		return usagef("cosigner vkey is not an Ed25519 tlog-cosignature/v1 key (type 0x04)")
	}
	pub := ed25519.PublicKey(key[1:])
	id := cosignatureKeyID(name, pub)
	if fmt.Sprintf("%08x", id) != parts[1] {
		return usagef("cosigner vkey hash %s does not match its name and key", parts[1])
	}
	i := bytes.LastIndex(msg, []byte("\n\n"))
	if i < 0 || !bytes.HasSuffix(msg, []byte("\n")) {
		return failf("note has no signature block")
	}
	body := msg[:i+1]
	if _, err := parseCheckpoint(string(body)); err != nil {
		return err
	}
	prefix := "— " + name + " "
	for _, line := range strings.Split(strings.TrimSuffix(string(msg[i+2:]), "\n"), "\n") {
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		sig, err := base64.StdEncoding.Strict().DecodeString(line[len(prefix):])
		if err != nil || len(sig) < 4 || binary.BigEndian.Uint32(sig) != id {
			continue // another key of the same name
		}
		if len(sig) != 4+8+ed25519.SignatureSize {
			return failf("cosignature by %s is %d bytes, want %d", name, len(sig), 4+8+ed25519.SignatureSize)
		}
		ts := binary.BigEndian.Uint64(sig[4:])
		if ts > 1<<63-1 {
			return failf("cosignature by %s has timestamp %d above 2^63-1", name, ts)
		}
		if !ed25519.Verify(pub, cosignedMessage(ts, body), sig[12:]) {
			return failf("cosignature by %s at time %d does not verify", name, ts)
		}
		fmt.Printf("ok: checkpoint cosigned by %s at time %d\n", name, ts)
		return nil
	}
	return failf("no cosignature by %s with key id %08x", name, id)
}
