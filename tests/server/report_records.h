#pragma once
// The records and the programme the attendance report tests deliver (the report page's
// test and the browser's): two sites over 26.10.–10.11.2026, sent through the real API
// as kiosks send them. The expected figures are worked out by hand in the tests, from
// the list in report_records.cpp.
#include <string>

#include "server_process.h"

namespace olohuone::testing {

// Site 1's weekly programme: Tuolijumppa on Tuesdays 10.00–11.00 and Kuoro "Äänet", on
// Thursdays 14.00–15.00, whose Thursday 5.11.2026 is cancelled.
std::string report_programme_ics();

// Delivers every record with POST /v1/records, site 1's with `kiosk_1`'s token and site
// 2's with `kiosk_2`'s; fails the test if any is not stored.
void deliver_report_records(const std::string& records_url, const std::string& ca, const std::string& kiosk_1,
                            const std::string& kiosk_2);

} // namespace olohuone::testing
