package model

import "slices"

// The controlled vocabularies below are what the loader accepts. They are
// functions returning fresh slices, not package variables, so nothing can
// change them at run time; extending one is a code change with a test.

// Units lists every unit an observation may use.
func Units() []string {
	return []string{
		"tonnes", "tonnes/year", "tonnes/month", "TEU", "TEU/year", "containers", "containers/year",
		"trains", "trains/year", "trains/day", "wagons", "vehicles", "vehicles/year", "trucks",
		"trailers/year", "vessels", "vessels/year", "vessels/month", "calls", "trips", "passengers", "passengers/year",
		"USD", "EUR", "KZT", "AZN", "km", "m", "m2", "hectares", "MW", "GW", "kV", "kWh/year", "bcm",
		"bcm/year", "barrels", "barrels/day", "tonne-km", "days", "hours", "minutes", "years", "%",
		"% y/y", "pp", "x", "count", "Tbps",
	}
}

// KnownUnit reports whether u is in Units.
func KnownUnit(u string) bool { return slices.Contains(Units(), u) }

// Countries lists the country and bloc names events and partners use.
func Countries() []string {
	return []string{
		"China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Azerbaijan",
		"Georgia", "Türkiye", "Armenia", "Iran", "Russia", "Romania", "Hungary", "Bulgaria", "Italy",
		"Germany", "Denmark", "Oman", "United States", "Japan", "South Korea", "Pakistan", "Afghanistan",
		"Mongolia", "EU", "United Kingdom", "France", "Poland", "Ukraine", "Belarus", "India",
		"Saudi Arabia", "United Arab Emirates", "Qatar", "Netherlands", "Slovakia", "Serbia", "Greece",
		"Lithuania", "Latvia", "Estonia", "Moldova", "Austria", "Switzerland", "Finland", "Canada", "Belgium",
		"Singapore",
	}
}

// KnownCountry reports whether c is in Countries.
func KnownCountry(c string) bool { return slices.Contains(Countries(), c) }

// EventKinds lists the kinds of timeline event.
func EventKinds() []string {
	return []string{
		"summit", "state-visit", "official-visit", "meeting", "commission", "agreement", "memorandum",
		"opening", "first-train", "construction", "diplomatic-relations", "policy", "forum", "report",
		"investment", "milestone",
	}
}

// ProjectTypes lists the kinds of project.
func ProjectTypes() []string {
	return []string{"pipeline", "power-line", "power-plant", "cable", "railway", "road", "port", "field", "hydrogen", "fibre", "other"}
}

// ProjectStatuses lists project statuses from most to least advanced.
func ProjectStatuses() []string {
	return []string{"operating", "under-construction", "planned", "proposed", "study", "suspended"}
}

// PortSeas lists where a port can sit.
func PortSeas() []string { return []string{"Caspian", "Black Sea", "Mediterranean", "dry port"} }

// SubjectKinds lists the kinds of non-port, non-project subject.
func SubjectKinds() []string {
	return []string{"route", "rail", "operator", "trade", "country", "region", "other"}
}

// Standings lists the source standings, best first.
func Standings() []Standing { return []Standing{Official, Agency, Media, Aggregator} }
