#pragma once

#include <string>
#include <vector>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// `calendars:` — a mapping of calendar id to
//   week: [mon, …] | all      working weekdays (default mon–fri)
//   holidays: FILE | [FILE…]  holiday tables (off days and 调休 working days)
//   off: [dates]  work: [dates]
//   stops: [{name, from, to}] yearly (MM-DD) or dated (YYYY-MM-DD), inclusive
// Holiday files are resolved relative to `base_dir`.
std::vector<model::CalendarSpec> read_calendars(const Value& v, const std::string& base_dir);

// A holiday table file (see scenarios/calendars/cn-holidays.yaml) merged into
// `spec`; errors are located in that file.
void read_holiday_file(const std::string& path, model::CalendarSpec& spec, model::Diagnostics& diag);

}  // namespace kpsim::input
