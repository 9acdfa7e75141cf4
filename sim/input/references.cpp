#include "sim/input/references.hpp"

#include <algorithm>

#include "sim/core/suggest.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

std::optional<std::string> reference(const Value& v, const std::vector<std::string>& known, const char* what,
                                     const std::vector<std::string>& names) {
  auto name = v.text();
  if (!name) return std::nullopt;
  if (std::find(known.begin(), known.end(), *name) != known.end()) return name;
  v.error("E-REF-001", std::string("unknown ") + what + " '" + *name + "'" + core::did_you_mean(*name, known, names));
  return std::nullopt;
}

std::optional<core::Date> date_in_tables(const Value& v, const model::Scenario& sc) {
  auto d = v.date();
  if (d && *d > sc.last_table_day()) {
    v.error("E-VAL-005", "after " + sc.last_table_day().iso() + ", where the calendars end (the horizon plus 25 years)");
    return std::nullopt;
  }
  return d;
}

std::uint32_t find_project(const model::Scenario& sc, const std::string& id) {
  if (const auto p = model::index_of_id(sc.projects, id)) return static_cast<std::uint32_t>(*p);
  throw model::InputError(
      {{"E-CLI-001", {sc.file, 0, 0, "--project"}, "no project '" + id + "'" + core::did_you_mean(id, model::ids_of(sc.projects))}});
}

}  // namespace kpsim::input
