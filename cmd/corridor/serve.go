package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"charm.land/log/v2"

	"corridor/cmd/corridor/serve"
	"corridor/data"
	"corridor/tui"
)

// serveCmd runs the SSH server until SIGINT or SIGTERM.
func serveCmd(args []string, stdout, stderr io.Writer, env []string) int {
	fs := flag.NewFlagSet("corridor serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg serve.Config
	var look lookFlags
	look.register(fs, true)
	var df dataFlags
	df.register(fs)
	fs.StringVar(&cfg.Listen, "listen", serve.DefaultListen, "`host:port` to listen on")
	fs.StringVar(&cfg.HostKeyPath, "host-key", serve.DefaultHostKeyPath(), "ed25519 host key `file`, created (mode 0600) if missing")
	fs.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "OpenSSH authorized_keys `file`: only these keys get in")
	fs.BoolVar(&cfg.AllowAnonymous, "allow-anonymous", false, "let anyone who can reach the port in (needed beyond loopback without --authorized-keys)")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", serve.DefaultMaxSessions, "concurrent sessions before new clients are told the server is full")
	fs.IntVar(&cfg.MaxSessionsPerAddr, "max-sessions-per-addr", serve.DefaultMaxSessionsPerAddr, "concurrent sessions from one client address (IPv6: one /64)")
	fs.IntVar(&cfg.MaxConnections, "max-connections", 0, "open connections in all, handshakes included (default 4 x --max-sessions)")
	fs.IntVar(&cfg.MaxConnsPerAddr, "max-conns-per-addr", serve.DefaultMaxConnsPerAddr, "open connections from one client address, checked before the handshake")
	fs.DurationVar(&cfg.NoSessionTimeout, "no-session-timeout", serve.DefaultNoSessionTimeout, "close a connection that has no dashboard open for this long")
	maxSize := fs.String("max-size", fmt.Sprintf("%dx%d", serve.DefaultMaxWidth, serve.DefaultMaxHeight), "largest view drawn, `COLSxROWS`; bigger terminals get this much")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", serve.DefaultIdleTimeout, "end a session after this long without a key press")
	fs.DurationVar(&cfg.MaxSessionTime, "max-session-time", serve.DefaultMaxSessionTime, "end any session after this long")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", serve.DefaultHandshakeTimeout, "drop connections that have not finished the SSH handshake by then")
	fs.Float64Var(&cfg.RatePerSecond, "rate", serve.DefaultRatePerSecond, "new connections per second allowed from one address")
	fs.IntVar(&cfg.RateBurst, "burst", serve.DefaultRateBurst, "connections one address may open at once before --rate applies")
	fs.IntVar(&cfg.FPS, "fps", serve.DefaultFPS, "frame-rate cap per session")
	grace := fs.Duration("shutdown-timeout", 10*time.Second, "on SIGINT/SIGTERM, how long sessions get to close")
	cfgPath := fs.String("config", "", "config `file` for every session (default $XDG_CONFIG_HOME/corridor/config.toml of the server's user)")
	if code, done := parseFlags(fs, args, false, "Usage: corridor serve [flags]\n\nServe the dashboard over SSH: every client gets its own session.", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "corridor serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := look.check(); err != nil {
		fmt.Fprintln(stderr, "corridor serve:", err)
		return 2
	}
	if cfg.MaxWidth, cfg.MaxHeight = parseSize(*maxSize); cfg.MaxWidth < tui.MinWidth || cfg.MaxHeight < tui.MinHeight {
		fmt.Fprintf(stderr, "corridor serve: --max-size %q: want COLSxROWS, at least %dx%d\n", *maxSize, tui.MinWidth, tui.MinHeight)
		return 2
	}
	path := *cfgPath
	if path == "" {
		path = configPath(env)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := df.check(); err != nil {
		fmt.Fprintln(stderr, "corridor serve:", err)
		return 2
	}
	origin := df.origin()
	cfg.DataLabel, cfg.LiveData = origin.Label(), origin.Dir != ""
	// Over SSH ctrl+s offers the frame to the client's clipboard: a file
	// would be written on the server, far from whoever asked for it.
	cfg.AppOptions = append(sessionOptions(&look, set, path, stderr), tui.WithProgramVersion(version))
	cfg.Logger = log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "corridor"})
	base, err := origin.LoadBaseline()
	ds := base.Data
	if err != nil {
		fmt.Fprintln(stderr, "corridor: could not load data:\n"+err.Error())
		return 1
	}
	cfg.Data = ds
	srv, err := serve.New(cfg)
	if err != nil {
		cfg.Logger.Error("not starting", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		_ = data.Watch(ctx, origin, base, func(u data.Update) {
			srv.Publish(tui.DataMsg{Data: u.Data, Err: u.Err, At: u.At, Changes: u.Changes, Report: u.Report})
		})
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		if err != nil {
			cfg.Logger.Error("server stopped", "err", err)
			return 1
		}
		return 0
	case <-ctx.Done():
	}
	stop()
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		cfg.Logger.Warn("shutdown", "err", err)
	}
	<-errc
	cfg.Logger.Info("stopped")
	return 0
}

// parseSize reads COLSxROWS; anything else is 0x0.
func parseSize(s string) (int, int) {
	c, r, ok := strings.Cut(strings.ToLower(s), "x")
	w, werr := strconv.Atoi(c)
	h, herr := strconv.Atoi(r)
	if !ok || werr != nil || herr != nil {
		return 0, 0
	}
	return w, h
}

// sessionOptions are every session's options: the server's config (the
// look and the keys; colour follows each client's terminal) under the
// flags given, and ctrl+s to the client's clipboard, since a file would
// be written on the server. Clients cannot change any of it. A bad
// config is reported and the sessions get the defaults.
func sessionOptions(look *lookFlags, set map[string]bool, path string, stderr io.Writer) []tui.Option {
	conf, err := loadConfig(path)
	if err != nil {
		fmt.Fprintf(stderr, "corridor serve: config %v\ncorridor serve: serving with the defaults\n", err)
		conf = config{}
	}
	conf.apply(look, set)
	return append(append(look.options(), conf.keyOptions()...), tui.WithClipboardSnapshots())
}
