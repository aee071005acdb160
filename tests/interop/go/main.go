// Command tlogcheck checks OutcomeLedger's transparency log formats with an implementation we did not
// write: golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog (Debian's golang-golang-x-mod-dev).
//
// Every subcommand prints one line (or the document it produces) and exits 0 on success, 1 when a check
// fails (the line, on stderr, names what failed) and 2 on a usage error.
package main

import (
	"errors"
	"fmt"
	"os"
)

const usage = `usage: tlogcheck <command> [args]
  genkey <name> [seed-hex]                    print a signed-note skey and vkey (random, or from a 32-byte seed)
  mklog <dir> <count> <seed> <skey>           write a C2SP tlog-tiles log of <count> seeded entries
  verify-tiles <dir> <vkey>                   check a C2SP tlog-tiles log against its checkpoint
  sign-note <skey> <file>                     print the file's text as a signed note
  verify-note <vkey> <file>                   check a signed note's signature
  prove <dir> <index>                         print a c2sp.org/tlog-proof@v1 receipt for an entry
  verify-inclusion <dir> <vkey> <index>       prove and check an entry's inclusion from the tiles
  verify-receipt <receipt-file> <vkey> <entry-file>
                                              check a c2sp.org/tlog-proof@v1 receipt for the entry's bytes
  cosign <checkpoint-file> <seed-hex> <name> <timestamp>
                                              print a tlog-cosignature/v1 line and the cosigner vkey
  verify-cosignature <note-file> <vkey>       check a tlog-cosignature/v1 (Ed25519, type 0x04) line
  prove-consistency <dir> <old-size>          print a c2sp.org/tlog-witness add-checkpoint body from old-size
  verify-consistency <add-checkpoint-file> <vkey> [old-checkpoint-file]
                                              check an add-checkpoint body's consistency proof
  treehash-bench <n>                          time the RFC 6962 tree hash of n leaves with tlog
`

// failure is a check that did not pass: exit 1.
type failure struct{ msg string }

func (f *failure) Error() string { return f.msg }

func failf(format string, args ...any) error { return &failure{fmt.Sprintf(format, args...)} }

// usageError is a malformed command line: exit 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

type command struct {
	args int // exact number of arguments; -1 means checked by run
	run  func(args []string) error
}

var commands = map[string]command{
	"genkey":             {-1, runGenkey},
	"mklog":              {4, runMklog},
	"verify-tiles":       {2, runVerifyTiles},
	"sign-note":          {2, runSignNote},
	"verify-note":        {2, runVerifyNote},
	"prove":              {2, runProve},
	"verify-inclusion":   {3, runVerifyInclusion},
	"verify-receipt":     {3, runVerifyReceipt},
	"cosign":             {4, runCosign},
	"verify-cosignature": {2, runVerifyCosignature},
	"prove-consistency":  {2, runProveConsistency},
	"verify-consistency": {-1, runVerifyConsistency},
	"treehash-bench":     {1, runTreehashBench},
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(os.Stderr, "tlogcheck: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if cmd.args >= 0 && len(args)-1 != cmd.args {
		fmt.Fprintf(os.Stderr, "tlogcheck %s: want %d arguments, got %d\n%s", args[0], cmd.args, len(args)-1, usage)
		return 2
	}
	err := cmd.run(args[1:])
	var u *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		fmt.Fprintf(os.Stderr, "tlogcheck %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(os.Stderr, "tlogcheck %s: %v\n", args[0], err)
		return 1
	}
}
