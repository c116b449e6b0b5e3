package serve

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys is an OpenSSH authorized_keys file: which keys may log
// in, and under what conditions. A key may appear on several lines; as
// in OpenSSH, the first line whose options let the client in decides.
type authorizedKeys struct {
	path  string
	byKey map[string][]keyEntry
}

// keyEntry is one line of the file.
type keyEntry struct {
	line int
	// from holds the from="..." patterns; nil means any address.
	from []addrPattern
	// expires is expiry-time; zero means never.
	expires time.Time
	// noPty is set by no-pty, or by restrict without pty. corridor needs
	// a terminal, so such a key is let in but gets no dashboard.
	noPty bool
}

// honouredOptions are the authorized_keys options corridor applies.
// Anything else is refused when the file is read: silently ignoring an
// option such as command= would give the key more than its owner meant.
// The no-* options forbid what corridor never offers (forwarding,
// agents, X11, ~/.ssh/rc), so they hold by construction.
func honouredOptions() []string {
	return []string{"from", "expiry-time", "restrict", "pty", "no-pty",
		"no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc"}
}

// readAuthorizedKeys reads and checks an authorized_keys file. Comment
// and blank lines are skipped; every other line must be a key, and an
// error names the file and line.
func readAuthorizedKeys(file string) (*authorizedKeys, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	ak := &authorizedKeys{path: file, byKey: map[string][]keyEntry{}}
	for i, text := range strings.Split(string(b), "\n") {
		text = strings.TrimSpace(strings.TrimSuffix(text, "\r"))
		if text == "" || text[0] == '#' {
			continue
		}
		at := fmt.Sprintf("%s:%d", file, i+1)
		key, _, opts, rest, err := gossh.ParseAuthorizedKey([]byte(text))
		if err != nil {
			return nil, fmt.Errorf("%s: not a key: %v", at, err)
		}
		if len(strings.TrimSpace(string(rest))) > 0 {
			return nil, fmt.Errorf("%s: more than one key on the line", at)
		}
		e, err := parseKeyOptions(opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", at, err)
		}
		e.line = i + 1
		k := string(key.Marshal())
		ak.byKey[k] = append(ak.byKey[k], e)
	}
	if len(ak.byKey) == 0 {
		return nil, fmt.Errorf("authorized keys %s: no keys", file)
	}
	return ak, nil
}

// parseKeyOptions reads one line's options.
func parseKeyOptions(opts []string) (keyEntry, error) {
	var e keyEntry
	restrict, pty := false, false
	for _, o := range opts {
		name, value, hasValue := strings.Cut(o, "=")
		name = strings.ToLower(name)
		if hasValue {
			v, err := unquoteOption(value)
			if err != nil {
				return e, fmt.Errorf("option %s: %v", name, err)
			}
			value = v
		}
		if !slices.Contains(honouredOptions(), name) {
			return e, fmt.Errorf("option %q is not supported by corridor (it honours %s); remove the option or the key",
				name, strings.Join(honouredOptions(), ", "))
		}
		if (name == "from" || name == "expiry-time") != hasValue {
			return e, fmt.Errorf("option %s: malformed", name)
		}
		switch name {
		case "from":
			if e.from != nil {
				return e, errors.New("option from given twice")
			}
			ps, err := parseFrom(value)
			if err != nil {
				return e, fmt.Errorf("option from=%q: %v", value, err)
			}
			e.from = ps
		case "expiry-time":
			t, err := parseExpiry(value)
			if err != nil {
				return e, fmt.Errorf("option expiry-time=%q: %v", value, err)
			}
			// OpenSSH keeps the earliest when given more than once.
			if e.expires.IsZero() || t.Before(e.expires) {
				e.expires = t
			}
		case "restrict":
			restrict = true
		case "pty":
			pty = true
		case "no-pty":
			e.noPty = true
		}
	}
	if restrict && !pty {
		e.noPty = true
	}
	return e, nil
}

// unquoteOption undoes an option value's quotes: "a\"b" is a"b.
func unquoteOption(v string) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", errors.New("value must be in double quotes")
	}
	return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`), nil
}

// parseExpiry reads YYYYMMDD[Z] or YYYYMMDDHHMM[SS][Z]: local time
// unless it ends in Z, as OpenSSH reads it.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	layouts := map[int]string{8: "20060102", 12: "200601021504", 14: "20060102150405"}
	layout, ok := layouts[len(v)]
	if !ok {
		return time.Time{}, errors.New("want YYYYMMDD or YYYYMMDDHHMM[SS], optionally followed by Z for UTC")
	}
	return time.ParseInLocation(layout, v, loc)
}

// addrPattern is one entry of a from= list.
type addrPattern struct {
	neg bool
	// prefix is set for an address or CIDR block; otherwise glob is a
	// wildcard pattern matched against the address as text.
	prefix netip.Prefix
	glob   string
}

// parseFrom reads a from= pattern list. OpenSSH matches each entry
// against the client's address (as CIDR, or as text with * and ?) and,
// when it looks names up, its host name. corridor looks up no names,
// so an entry that can only match a host name is refused rather than
// left to silently never match.
func parseFrom(list string) ([]addrPattern, error) {
	var out []addrPattern
	for _, p := range strings.Split(list, ",") {
		var ap addrPattern
		if ap.neg = strings.HasPrefix(p, "!"); ap.neg {
			p = p[1:]
		}
		switch {
		case p == "":
			return nil, errors.New("empty pattern")
		case strings.Contains(p, "/"):
			pre, err := netip.ParsePrefix(p)
			if err != nil {
				return nil, fmt.Errorf("%q is not a CIDR block", p)
			}
			if pre.Masked() != pre {
				return nil, fmt.Errorf("%q has bits set beyond its /%d mask; did you mean %s?", p, pre.Bits(), pre.Masked())
			}
			ap.prefix = pre
		case strings.ContainsAny(p, "*?"):
			if strings.Trim(strings.ToLower(p), "0123456789abcdef.:*?") != "" {
				return nil, fmt.Errorf("%q is a host name pattern; corridor matches client addresses only (it does no DNS lookups)", p)
			}
			ap.glob = strings.ToLower(p)
		default:
			a, err := netip.ParseAddr(p)
			if err != nil {
				return nil, fmt.Errorf("%q is a host name; corridor matches client addresses only (it does no DNS lookups)", p)
			}
			a = a.Unmap().WithZone("")
			ap.prefix = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, ap)
	}
	return out, nil
}

// matchFrom applies a from= list as OpenSSH does: any negated entry that
// matches refuses, otherwise some plain entry must match.
func matchFrom(ps []addrPattern, a netip.Addr) bool {
	a = a.Unmap().WithZone("")
	text := strings.ToLower(a.String())
	found := false
	for _, p := range ps {
		var m bool
		if p.glob != "" {
			m, _ = path.Match(p.glob, text)
		} else {
			m = p.prefix.Contains(a)
		}
		if m && p.neg {
			return false
		}
		found = found || m
	}
	return found
}

// check says whether key may log in from addr at now. It returns the
// line that lets it in, or why not.
func (ak *authorizedKeys) check(key gossh.PublicKey, addr net.Addr, now time.Time) (keyEntry, string, bool) {
	if ak == nil || key == nil {
		return keyEntry{}, "no key", false
	}
	entries := ak.byKey[string(key.Marshal())]
	if len(entries) == 0 {
		return keyEntry{}, "key not in " + ak.path, false
	}
	ip, ipOK := remoteIP(addr)
	var why []string
	for _, e := range entries {
		switch {
		case !e.expires.IsZero() && !now.Before(e.expires):
			why = append(why, fmt.Sprintf("%s:%d: expired %s", ak.path, e.line, e.expires.Format(time.RFC3339)))
		case e.from != nil && (!ipOK || !matchFrom(e.from, ip)):
			why = append(why, fmt.Sprintf("%s:%d: address not allowed by from=", ak.path, e.line))
		default:
			return e, "", true
		}
	}
	return keyEntry{}, strings.Join(why, "; "), false
}

// expired lists the lines whose keys have already expired, for a
// warning at start.
func (ak *authorizedKeys) expired(now time.Time) []int {
	var out []int
	for _, es := range ak.byKey {
		for _, e := range es {
			if !e.expires.IsZero() && !now.Before(e.expires) {
				out = append(out, e.line)
			}
		}
	}
	slices.Sort(out)
	return out
}
