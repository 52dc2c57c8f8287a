package main

import (
	"strconv"

	"github.com/shopspring/decimal"
)

var decimalTwelve = decimal.NewFromInt(12)

func itoa(i int) string { return strconv.Itoa(i) }
