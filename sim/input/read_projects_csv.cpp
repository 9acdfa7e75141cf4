#include "sim/input/read_projects_csv.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/input/csv_reader.hpp"
#include "sim/input/project_fields.hpp"
#include "sim/core/suggest.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

// A column mapped to ~: kept by the planner, not read.
constexpr const char* kIgnored = "~";

// Step lists in a cell: "a;b", also with the full-width separators Chinese
// spreadsheets use.
std::vector<Located> split_steps(const Located& cell) {
  std::vector<Located> out;
  std::string cur;
  auto flush = [&] {
    const auto b = cur.find_first_not_of(' ');
    if (b != std::string::npos) out.push_back({cur.substr(b, cur.find_last_not_of(' ') - b + 1), cell.loc});
    cur.clear();
  };
  for (std::size_t i = 0; i < cell.text.size();) {
    if (cell.text[i] == ';' || cell.text[i] == ',') { flush(); ++i; continue; }
    if (cell.text.compare(i, 3, "；") == 0 || cell.text.compare(i, 3, "、") == 0 || cell.text.compare(i, 3, "，") == 0) {
      flush();
      i += 3;
      continue;
    }
    cur += cell.text[i++];
  }
  flush();
  return out;
}

}  // namespace

void read_projects_csv(const Value& v, const std::string& base_dir, model::Scenario& scenario) {
  MapReader m(v, {"file", "columns"});
  auto file = m.require("file");
  if (!file) return;
  auto name = file->text();
  if (!name) return;
  std::vector<std::pair<std::string, std::string>> mapping;  // header -> field
  if (auto cols = m.get("columns")) {
    MapReader cm(*cols, {});
    for (auto& [header, field] : cm.entries()) {
      if (field.node().IsNull()) {
        mapping.emplace_back(header, kIgnored);  // `备注: ~`: the planner's own column
        continue;
      }
      if (auto f = field.one_of(project_field_names())) mapping.emplace_back(header, *f);
    }
  }
  auto& diag = v.diagnostics();
  const std::string path = (std::filesystem::path(base_dir) / *name).lexically_normal().string();
  if (!readable_file(path, file->loc(), diag)) return;
  const std::size_t before = diag.errors().size();
  const CsvTable table = read_csv(path, "projects_csv", diag);
  if (diag.errors().size() > before && table.header.empty()) {
    file->error("E-CSV-010", "the project file named here could not be read");
    return;
  }

  std::vector<std::string> fields;  // per column
  for (std::size_t i = 0; i < table.header.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (table.header[i].text == table.header[j].text && !table.header[i].text.empty()) {
        diag.error("E-CSV-006", table.header[i].loc,
                   "column '" + table.header[i].text + "' twice (also column " + std::to_string(j + 1) + "): which one counts?");
        break;
      }
  for (const Located& h : table.header) {
    auto it = std::find_if(mapping.begin(), mapping.end(), [&](const auto& p) { return p.first == h.text; });
    const std::string field = it != mapping.end() ? it->second : h.text;
    const auto& known = project_field_names();
    if (field != kIgnored && std::find(known.begin(), known.end(), field) == known.end()) {
      std::vector<std::string> candidates = known;
      for (const auto& p : mapping) candidates.push_back(p.first);
      diag.error("E-CSV-011", h.loc,
                 "column '" + h.text + "' is not a project field; map it under projects_csv.columns (to ~ to ignore it)" +
                     did_you_mean(h.text, candidates));
    }
    fields.push_back(field);
  }
  for (const char* required : {"id", "name", "template", "investment"})
    if (std::find(fields.begin(), fields.end(), required) == fields.end() && !table.header.empty())
      diag.error("E-CSV-012", table.header.front().loc, std::string("no column for required field '") + required + "'");
  if (diag.errors().size() > before) return;

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    model::SourceLoc where = row.front().loc;
    where.key_path = "projects_csv[" + std::to_string(r) + "]";
    ProjectReader reader(scenario, diag, where);
    for (std::size_t c = 0; c < row.size(); ++c) {
      Located cell = row[c];
      cell.loc.key_path = "projects_csv[" + std::to_string(r) + "]." + fields[c];
      if (fields[c] == kIgnored) continue;
      if (fields[c] == "done") {
        for (const Located& step : split_steps(cell)) reader.add_done(step);
        continue;
      }
      const bool required = fields[c] == "id" || fields[c] == "name" || fields[c] == "template" || fields[c] == "investment";
      if (cell.text.empty() && !required) continue;  // an empty optional cell means "not given"
      reader.set(fields[c], cell);
    }
    model::Project p;
    if (reader.finish(p)) scenario.projects.push_back(std::move(p));
  }
}

}  // namespace kpsim::input
