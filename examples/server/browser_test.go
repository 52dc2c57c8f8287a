package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The browser tests drive Debian's Chromium headless through the pages.
// They skip only when no Chromium is installed; .ci/run installs one.
// Screenshots go to $ONETHING_SCREENSHOTS, else to the test's temp dir.

func findChromium() string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// newChrome starts a fresh headless Chromium and returns a browser context.
func newChrome(t *testing.T) context.Context {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		t.Skip("no Chromium found (/usr/bin/chromium or chromium on PATH): install Debian's chromium package to run the browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(412, 915), // a phone
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelC := chromedp.NewContext(actx)
	// The first call starts the browser, on a context with no timeout.
	require.NoError(t, chromedp.Do(bctx, chromedp.Navigate("about:blank")), "start Chromium")
	require.NoError(t, chromedp.Do(bctx, chromedp.EmulateViewport(412, 915)), "a phone's viewport")
	ctx, cancelT := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

func screenshotDir(t *testing.T) string {
	if d := os.Getenv("ONETHING_SCREENSHOTS"); d != "" {
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}
	return t.TempDir()
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	p := filepath.Join(dir, name+".png")
	require.NoError(t, os.WriteFile(p, png, 0o644))
	t.Logf("screenshot %s", p)
}

func signInChrome(t *testing.T, ctx context.Context, e *testEnv, who string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(e.ts.URL+"/ui/login"),
		chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), e.tokens[who]),
		chromedp.Submit(chromedp.ID("token")),
		chromedp.WaitVisible(chromedp.ID("q")),
	))
}

// setValue sets a field's value as a script would, firing change.
func setValue(id, v string) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(function(){var f=document.getElementById(%q); f.value=%q; f.dispatchEvent(new Event("change",{bubbles:true})); return f.value===%q})()`, id, v, v)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](js)(ctx, t)
		if err == nil && !ok {
			err = fmt.Errorf("could not set %s to %q", id, v)
		}
		return err
	})
}

// get runs a value action, failing the test on error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

func TestBrowserApplyRetirement(t *testing.T) {
	e := newEnv(t)
	ctx := newChrome(t)
	dir := screenshotDir(t)
	signInChrome(t, ctx, e, "citizen")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(e.ts.URL+"/ui/bundles/SD-YJS-TX"),
		chromedp.WaitVisible(chromedp.ID("f_person_name")),
	))
	assert.Equal(t, "王建国", get(t, ctx, chromedp.Value(chromedp.ID("f_person_name"))), "pre-filled")
	assert.True(t, get(t, ctx, chromedp.Evaluate[bool](`document.getElementById("f_person_name").readOnly`)), "a trusted value is read-only")
	assert.Contains(t, get(t, ctx, chromedp.Text(chromedp.CSS(`#f_person_name ~ .source`))), "公安")
	screenshot(t, ctx, dir, "1-prefilled")

	// Fill in what the registries do not know; correct the bank account
	// with a wrong number.
	require.NoError(t, chromedp.Do(ctx,
		setValue("channel", "window"),
		setValue("division", "370102"),
		setValue("f_retirement_early_type", "normal"),
		setValue("f_retirement_date", "2025-02-01"),
		chromedp.SendKeys(chromedp.ID("f_matters_370003001000_purpose"), "退休"),
		chromedp.SendKeys(chromedp.ID("f_matters_370015002000_file_keeper"), "济南市人才服务中心"),
		setValue("f_matters_370015002000_deemed_periods", `[{"from":"1983-07","to":"1986-06","employer":"济南示范机械厂"}]`),
		chromedp.Click(chromedp.CSS(`input[data-unlock="f_person_bank_account"]`)),
		setValue("f_person_bank_account", ""),
		chromedp.SendKeys(chromedp.ID("f_person_bank_account"), "12345"),
	))
	if get(t, ctx, chromedp.Value(chromedp.ID("f_retirement_category"))) == "" {
		require.NoError(t, chromedp.Do(ctx, setValue("f_retirement_category", "male")))
	}
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("submit")),
		chromedp.WaitVisible(chromedp.ID("f_person_bank_account-err")),
	))
	assert.NotEmpty(t, strings.TrimSpace(get(t, ctx, chromedp.Text(chromedp.ID("f_person_bank_account-err")))), "the problem is shown at the bank account")
	assert.Equal(t, "济南市人才服务中心", get(t, ctx, chromedp.Value(chromedp.ID("f_matters_370015002000_file_keeper"))), "typed values are kept")
	assert.Equal(t, "f_person_bank_account", get(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)), "focus moves to the field to fix")
	screenshot(t, ctx, dir, "2-problem")

	require.NoError(t, chromedp.Do(ctx,
		setValue("f_person_bank_account", "6217002160001234560"),
		chromedp.Click(chromedp.ID("submit")),
		chromedp.WaitVisible(chromedp.ID("app-id")),
	))
	assert.Regexp(t, `^[0-9a-f-]{36}$`, get(t, ctx, chromedp.Text(chromedp.ID("app-id"))))
	routes := get(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, m := range []string{"370015001000", "370003001000", "370015002000", "370015005000", "370018001000"} {
		assert.Contains(t, routes, m, "a route for each member")
	}
	screenshot(t, ctx, dir, "3-routes")
}

func TestBrowserDashboardCity(t *testing.T) {
	e := newEnv(t)
	seedDashboard(t, e)
	ctx := newChrome(t)
	dir := screenshotDir(t)
	signInChrome(t, ctx, e, "city-admin@370100")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(e.ts.URL+"/ui/dashboard?month=2026-03"),
		chromedp.WaitVisible(chromedp.ID("scorecards")),
	))
	table := get(t, ctx, chromedp.Text(chromedp.ID("scorecards")))
	assert.Contains(t, table, "济南")
	assert.NotContains(t, table, "临沂", "a city admin sees only their city")
	assert.Equal(t, 2*len(dashMetrics), get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart").length`)))
	screenshot(t, ctx, dir, "4-dashboard-370100")
}
