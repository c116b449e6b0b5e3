package serve

import (
	"fmt"
	"slices"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits on what a client may send on a session channel before its
// dashboard starts. The ssh library keeps every env request it is sent,
// so they are filtered before they reach it.
const (
	// maxEnvRequests is more than OpenSSH sends with its default SendEnv
	// (LANG and the dozen LC_* variables); a client sending more is
	// flooding, and its connection is closed.
	maxEnvRequests = 64
	// maxEnvBytes bounds the env requests of one channel in total.
	maxEnvBytes = 64 << 10
	// maxEnvValue bounds one kept variable; a TERM or LANG is a few bytes.
	maxEnvValue = 256
	// maxTermName bounds the TERM of a pty request.
	maxTermName = 256
)

// keptEnv are the variables corridor reads; every other env request is
// refused and forgotten.
func keptEnv() []string { return []string{"TERM", "COLORTERM", "NO_COLOR", "LANG"} }

// sessionChannel opens a session channel through the ssh library's
// handler, with the channel's requests filtered first.
func (s *Server) sessionChannel(srv *ssh.Server, sc *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	c := connOf(ctx)
	if c != nil {
		if !c.openChannel(s.cfg.MaxSessionsPerAddr) {
			s.cfg.Logger.Warn("channel refused", "conn", c.id, "addr", sc.RemoteAddr(), "why", "too many session channels on one connection")
			_ = nc.Reject(gossh.ResourceShortage, "too many sessions on this connection")
			return
		}
		defer c.closeChannel()
	}
	ssh.DefaultSessionHandler(srv, sc, filteredChannel{NewChannel: nc, s: s, c: c, addr: sc.RemoteAddr().String()}, ctx)
}

// filteredChannel is a NewChannel whose accepted channel's requests go
// through Server.filter.
type filteredChannel struct {
	gossh.NewChannel
	s    *Server
	c    *conn
	addr string
}

// Accept accepts the channel and starts filtering its requests.
func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go f.s.filter(f.c, f.addr, reqs, out)
	return ch, out, nil
}

// filter passes a channel's requests on to the ssh library, except that
// it answers env requests for variables corridor does not read (closing
// the connection of a client that floods them), refuses agent
// forwarding, and refuses absurd terminal names. Passing requests on
// one at a time keeps the library's back-pressure: a client that
// sends faster than the server handles them waits.
func (s *Server) filter(c *conn, addr string, in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	envs, envBytes := 0, 0
	flooded := false
	for req := range in {
		switch req.Type {
		case "env":
			envs++
			envBytes += len(req.Payload)
			if envs > maxEnvRequests || envBytes > maxEnvBytes {
				_ = req.Reply(false, nil)
				if !flooded {
					flooded = true
					why := fmt.Sprintf("env flood (more than %d requests or %d bytes)", maxEnvRequests, maxEnvBytes)
					s.cfg.Logger.Warn("closing connection", "addr", addr, "why", why)
					if c != nil {
						c.end(why)
					}
				}
				continue
			}
			var kv struct{ Name, Value string }
			if err := gossh.Unmarshal(req.Payload, &kv); err != nil || !slices.Contains(keptEnv(), kv.Name) || len(kv.Value) > maxEnvValue {
				_ = req.Reply(false, nil)
				continue
			}
		case "auth-agent-req@openssh.com":
			// corridor never uses an agent; saying yes would only tell
			// the client its keys are reachable from here.
			_ = req.Reply(false, nil)
			continue
		case "pty-req":
			var p struct {
				Term string
				Rest []byte `ssh:"rest"`
			}
			if err := gossh.Unmarshal(req.Payload, &p); err != nil || len(p.Term) > maxTermName {
				_ = req.Reply(false, nil)
				continue
			}
		}
		out <- req
	}
}
