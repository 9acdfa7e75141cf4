#include "sim/input/read_dispatch.hpp"

#include <cmath>
#include <filesystem>
#include <map>

#include "sim/input/csv_reader.hpp"

namespace kpsim::input {
namespace {

const std::vector<std::string> kFields{"id", "month", "investment", "started"};

// The rounding step of a cell as written: "0.35" → 0.01.
double cell_step(const std::string& text) {
  const auto dot = text.find('.');
  return dot == std::string::npos ? 1.0 : std::pow(10.0, -static_cast<double>(text.size() - dot - 1));
}

struct ProjectRows {
  core::Date last{};
  double sum = 0, step = 0;
  int cells = 0;
  std::optional<bool> started;  // at the last month
  model::SourceLoc loc;
};

}  // namespace

std::vector<model::Observation> read_dispatch_table(const Value& v, const std::string& base_dir) {
  std::vector<model::Observation> out;
  MapReader m(v, {"file", "columns"});
  if (!m.ok()) return out;
  auto file = m.require("file");
  if (!file) return out;
  auto name = file->text();
  if (!name) return out;
  std::map<std::string, std::string> field_of;  // header → field
  if (auto cols = m.get("columns")) {
    MapReader cm(*cols, {});
    for (auto& [header, field] : cm.entries())
      if (auto f = field.one_of(kFields)) field_of[header] = *f;
  }
  auto& diag = v.diagnostics();
  const std::string path = (std::filesystem::path(base_dir) / *name).lexically_normal().string();
  if (!readable_file(path, file->loc(), diag)) return out;
  const std::size_t before = diag.errors().size();
  const CsvTable table = read_csv(path, "dispatch", diag);
  if (diag.errors().size() > before) {
    if (table.header.empty()) file->error("E-CLB-020", "the dispatch table named here could not be read");
    return out;
  }
  std::map<std::string, std::size_t> column;  // field → column
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const auto mapped = field_of.find(table.header[c].text);
    const std::string field = mapped != field_of.end() ? mapped->second : table.header[c].text;
    if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) continue;  // kept for the planner
    if (column.count(field)) diag.error("E-CLB-021", table.header[c].loc, "a second column for '" + field + "'");
    column[field] = c;
  }
  for (const char* required : {"id", "month", "investment"})
    if (!column.count(required))
      file->error("E-CLB-021", std::string("the dispatch table has no column for '") + required +
                                   "': map its header to it under 'columns'");
  if (diag.errors().size() > before) return out;

  std::map<std::string, ProjectRows> projects;
  std::vector<std::string> order;
  std::map<std::pair<std::string, std::int32_t>, model::SourceLoc> seen;
  for (const auto& row : table.rows) {
    const Located& id = row[column["id"]];
    const Located& month = row[column["month"]];
    if (id.text.empty()) {
      diag.error("E-CLB-022", id.loc, "a row without a project id");
      continue;
    }
    const auto end = core::parse_month_end(month.text);
    if (!end) {
      diag.error("E-CLB-016", month.loc, "expected a month YYYY-MM (or 2026年5月), got '" + month.text + "'");
      continue;
    }
    if (!seen.emplace(std::pair{id.text, end->days}, month.loc).second) {
      diag.error("E-CLB-023", month.loc, "project '" + id.text + "' has a second row for " + month.text);
      continue;
    }
    const Located& cell = row[column["investment"]];
    const auto amount = to_number(cell, diag);
    if (!amount) continue;
    if (*amount < 0) {
      diag.error("E-CLB-013", cell.loc, "a month's investment is at least 0");
      continue;
    }
    auto [it, fresh] = projects.try_emplace(id.text);
    ProjectRows& p = it->second;
    if (fresh) order.push_back(id.text), p.loc = id.loc;
    p.sum += *amount;
    p.step = std::max(p.step, cell_step(cell.text));
    ++p.cells;
    std::optional<bool> started;
    if (column.count("started")) {
      const Located& s = row[column["started"]];
      if (auto c = to_choice(s, {{"yes", "是", "已开工", "true", "1"}, {"no", "否", "未开工", "false", "0"}}, diag))
        started = *c == "yes";
    }
    if (*end >= p.last) {
      p.last = *end;
      p.started = started;
    }
  }
  for (const std::string& id : order) {
    const ProjectRows& p = projects[id];
    model::Observation o;
    o.kind = model::ObservationKind::project_investment;
    o.project = id;
    o.date = p.last;
    o.value = p.sum;
    o.label = id + " 累计完成投资 " + p.last.iso().substr(0, 7);
    o.precision_sd = p.step * std::sqrt(p.cells / 12.0);  // each cell rounded on its own
    o.precision = "rounded (cells)";
    o.loc = p.loc;
    out.push_back(o);
    if (p.started) {
      o.kind = model::ObservationKind::project_started;
      o.value = *p.started ? 1 : 0;
      o.label = id + " 是否开工 " + p.last.iso().substr(0, 7);
      o.precision_sd = 0;
      o.precision = "exact";
      out.push_back(o);
    }
  }
  return out;
}

}  // namespace kpsim::input
