package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"golang.org/x/time/rate"
)

// Connection limits are applied when a connection is accepted, before
// the SSH handshake costs the server anything; session limits apply
// when a dashboard starts. An IPv6 client is counted by its /64, the
// block one subscriber is usually given, so it cannot step around the
// limits by changing addresses.

// limitListener admits connections within the server's limits and
// closes the rest at once.
type limitListener struct {
	net.Listener
	s *Server
}

// Accept returns the next admitted connection.
func (l limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if tc := l.s.admit(c); tc != nil {
			return tc, nil
		}
	}
}

// addrKey is what per-address limits count by: the IPv4 address, or
// the IPv6 /64.
func addrKey(addr net.Addr) string {
	ip, ok := remoteIP(addr)
	if !ok {
		if addr == nil {
			return "unknown"
		}
		return addr.String()
	}
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// remoteIP is the client's IP address, IPv4-mapped addresses unmapped.
func remoteIP(addr net.Addr) (netip.Addr, bool) {
	if addr == nil {
		return netip.Addr{}, false
	}
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return netip.Addr{}, false
	}
	return ap.Addr().Unmap().WithZone(""), true
}

// addrOnly lets wish's per-address rate limiter, which is keyed on a
// session's remote address, judge a connection before it has one.
type addrOnly struct {
	ssh.Session
	addr net.Addr
}

// RemoteAddr is the only method the rate limiter calls.
func (a addrOnly) RemoteAddr() net.Addr { return a.addr }

// connBook is the server's record of open connections.
type connBook struct {
	mu     sync.Mutex
	byAddr map[string]*conn // by remote ip:port, for the failure callback
	perKey map[string]int   // open connections by addrKey
	nextID uint64

	// Refusals are logged at most a few times a second, so a flood
	// cannot fill the disk with log lines; the next line counts the
	// ones left out.
	refusalLog *rate.Limiter
	unlogged   int
}

// admit applies the accept-time limits to c, logs the outcome, and
// returns c wrapped for bookkeeping, or nil when it was refused.
func (s *Server) admit(c net.Conn) *conn {
	key := addrKey(c.RemoteAddr())
	b := &s.book
	b.mu.Lock()
	why := ""
	switch {
	case s.closing.Load():
		why = "shutting down"
	case len(b.byAddr) >= s.cfg.MaxConnections:
		why = fmt.Sprintf("server at its limit of %d connections", s.cfg.MaxConnections)
	case b.perKey[key] >= s.cfg.MaxConnsPerAddr:
		why = fmt.Sprintf("%d connections already open from %s", b.perKey[key], key)
	case s.limiter.Allow(addrOnly{addr: c.RemoteAddr()}) != nil:
		why = "connection rate limit"
	}
	if why != "" {
		logIt := b.refusalLog.Allow()
		unlogged := b.unlogged
		if logIt {
			b.unlogged = 0
		} else {
			b.unlogged++
		}
		b.mu.Unlock()
		if logIt {
			s.cfg.Logger.Warn("connection refused", "addr", c.RemoteAddr(), "why", why, "unlogged_refusals", unlogged)
		}
		// An SSH client shows nothing of this, but someone probing the
		// port by hand learns why it hung up.
		_ = c.SetWriteDeadline(time.Now().Add(time.Second))
		_, _ = io.WriteString(c, "corridor: connection refused: "+why+"\r\n")
		_ = c.Close()
		return nil
	}
	b.nextID++
	tc := &conn{Conn: c, s: s, id: b.nextID, key: key, start: time.Now()}
	// The timer exists before anyone can find the connection and close it.
	tc.idle = time.AfterFunc(s.cfg.NoSessionTimeout, tc.noSession)
	b.byAddr[c.RemoteAddr().String()] = tc
	b.perKey[key]++
	open := len(b.byAddr)
	b.mu.Unlock()
	s.cfg.Logger.Info("accept", "conn", tc.id, "addr", c.RemoteAddr(), "open", open)
	return tc
}

// connFor finds the bookkeeping of a connection by its remote address
// (the failure callback gets the library's wrapper, not ours).
func (s *Server) connFor(addr net.Addr) *conn {
	if addr == nil {
		return nil
	}
	s.book.mu.Lock()
	defer s.book.mu.Unlock()
	return s.book.byAddr[addr.String()]
}

// closeAllConns ends every connection still open, handshakes included.
func (s *Server) closeAllConns(reason string) {
	s.book.mu.Lock()
	var cs []*conn
	for _, c := range s.book.byAddr {
		cs = append(cs, c)
	}
	s.book.mu.Unlock()
	for _, c := range cs {
		c.end(reason)
	}
}

// connKey finds a connection's bookkeeping in its ssh.Context.
type connKey struct{}

// connOf returns the bookkeeping of the connection ctx belongs to.
func connOf(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// conn is one accepted connection: it counts its sessions, closes
// itself when it has had none for NoSessionTimeout, and logs why it
// ended.
type conn struct {
	net.Conn
	s      *Server
	id     uint64
	key    string
	start  time.Time
	authed atomic.Bool
	idle   *time.Timer

	mu        sync.Mutex
	closed    bool
	reason    string // set when the server ends the connection
	err       error  // first read or write error
	sessions  int    // dashboards running now
	served    int    // dashboards served in all
	channels  int    // session channels open now
	authFails int
}

func (c *conn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil {
		c.noteErr(err)
	}
	return n, err
}

func (c *conn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if err != nil {
		c.noteErr(err)
	}
	return n, err
}

func (c *conn) noteErr(err error) {
	c.mu.Lock()
	if c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
}

// setReason records why the server ends the connection, unless a
// reason is already set.
func (c *conn) setReason(reason string) {
	c.mu.Lock()
	if c.reason == "" {
		c.reason = reason
	}
	c.mu.Unlock()
}

// end closes the connection for reason.
func (c *conn) end(reason string) {
	c.setReason(reason)
	_ = c.Close()
}

// Close closes the connection once, and logs it.
func (c *conn) Close() error {
	err := c.Conn.Close()
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return err
	}
	c.closed = true
	c.idle.Stop()
	reason, served := c.why(), c.served
	c.mu.Unlock()

	b := &c.s.book
	b.mu.Lock()
	delete(b.byAddr, c.RemoteAddr().String())
	if b.perKey[c.key]--; b.perKey[c.key] <= 0 {
		delete(b.perKey, c.key)
	}
	b.mu.Unlock()
	c.s.cfg.Logger.Info("close", "conn", c.id, "addr", c.RemoteAddr(), "duration", time.Since(c.start).Round(time.Millisecond),
		"sessions", served, "reason", reason)
	return err
}

// why the connection ended; c.mu is held.
func (c *conn) why() string {
	switch {
	case c.reason != "":
		return c.reason
	case c.s.closing.Load():
		return "server shutdown"
	case c.err == nil, errors.Is(c.err, net.ErrClosed):
		return "closed"
	case errors.Is(c.err, os.ErrDeadlineExceeded):
		switch {
		case !c.authed.Load():
			return "handshake timeout"
		case c.s.srv.MaxTimeout > 0 && time.Since(c.start) >= c.s.srv.MaxTimeout:
			return fmt.Sprintf("maximum connection time (%s)", c.s.srv.MaxTimeout)
		}
		return fmt.Sprintf("idle for %s", c.s.srv.IdleTimeout)
	case errors.Is(c.err, io.EOF):
		if c.authFails > 0 && !c.authed.Load() {
			return fmt.Sprintf("authentication failed (%d keys refused)", c.authFails)
		}
		return "client closed the connection"
	}
	return c.err.Error()
}

// noSession ends a connection that has no dashboard open: an
// authenticated connection costs a goroutine and a descriptor, and
// without this a client could hold any number of them doing nothing.
func (c *conn) noSession() {
	c.mu.Lock()
	if c.sessions > 0 || c.closed {
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.end(fmt.Sprintf("no session within %s", c.s.cfg.NoSessionTimeout))
}

// sessionStarted counts a dashboard and stops the no-session timer.
func (c *conn) sessionStarted() {
	c.mu.Lock()
	c.sessions++
	c.served++
	c.idle.Stop()
	c.mu.Unlock()
}

// sessionEnded uncounts a dashboard; the last one to end starts the
// no-session timer again.
func (c *conn) sessionEnded() {
	c.mu.Lock()
	if c.sessions--; c.sessions == 0 && !c.closed {
		c.idle.Reset(c.s.cfg.NoSessionTimeout)
	}
	c.mu.Unlock()
}

// openChannel counts a session channel, refusing it past max.
func (c *conn) openChannel(max int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.channels >= max {
		return false
	}
	c.channels++
	return true
}

func (c *conn) closeChannel() {
	c.mu.Lock()
	c.channels--
	c.mu.Unlock()
}

func (c *conn) authFailed() {
	c.mu.Lock()
	c.authFails++
	c.mu.Unlock()
}
