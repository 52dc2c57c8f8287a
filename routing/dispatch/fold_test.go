package dispatch

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ＡＰＰ", "app"},
		{"爱山东ａｐｐ", "爱山东app"},
		{"１２３３３热线", "12333热线"},
		{"Ｎ＋１", "n+1"},
		{"（社保卡）", "(社保卡)"},
		{"社保　卡", "社保 卡"},      // ideographic space
		{"ｼｬﾎﾟ", "シャホ\u309a"}, // half-width katakana widen
		{"ÄBC", "äbc"},
		{"养老金", "养老金"},
		{"\xff", "\ufffd"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, foldString(c.in), "fold %q", c.in)
	}
}
