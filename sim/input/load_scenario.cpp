#include "sim/input/load_scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include "sim/input/read_enums.hpp"
#include "sim/input/read_calendars.hpp"
#include "sim/input/read_distribution.hpp"
#include "sim/input/read_projects_csv.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/input/read_projects.hpp"
#include "sim/input/references.hpp"
#include "sim/input/read_risks.hpp"
#include "sim/input/read_templates.hpp"
#include "sim/core/suggest.hpp"
#include "sim/model/ids.hpp"
#include "sim/input/yaml_reader.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

constexpr int kSchemaVersion = 1;
constexpr std::int32_t kMaxHorizonDays = 50 * 366;

class ScenarioReader {
 public:
  ScenarioReader(const std::string& path, model::Diagnostics& diag)
      : path_(path), base_dir_(std::filesystem::path(path).parent_path().string()), diag_(diag) {}

  model::Scenario read(const YamlDocument& file) {
    s_.file = path_;
    const Value doc = file.root_value(diag_);
    if (other_kind_of_file(doc)) return s_;
    MapReader m(doc, {"kpsim", "name", "description", "start", "end", "money_unit", "seed", "replications",
                      "annual_plan", "calendars", "agencies", "land", "templates", "projects", "projects_csv",
                      "arrivals", "copulas", "risks", "policies", "statistics", "report", "duration_scale"});
    if (!m.ok()) return s_;
    read_header(m);
    if (auto v = m.get("statistics")) read_statistics(*v);
    if (auto c = m.require("calendars")) s_.calendars = read_calendars(*c, base_dir_);
    if (auto a = m.get("agencies")) read_agencies(*a);
    if (auto l = m.get("land")) read_land(*l);
    if (auto t = m.require("templates")) read_templates(*t, s_);
    if (auto v = m.get("duration_scale")) read_duration_scale(*v);
    if (auto p = m.get("projects"))
      for (const Value& e : p->elements()) read_project(e, s_, diag_);
    if (auto csv = m.get("projects_csv")) read_projects_csv(*csv, base_dir_, s_);
    if (auto a = m.get("arrivals"))
      for (const Value& e : a->elements()) read_arrival(e, s_);
    if (auto c = m.get("copulas")) read_copulas(*c, s_);
    if (auto r = m.get("risks")) read_risks(*r, s_);
    if (auto p = m.get("policies")) s_.policies = read_policies(*p);
    if (auto v = m.get("report")) read_report(*v);  // after the projects it may name
    if (!m.has("projects") && !m.has("projects_csv"))
      doc.error("E-SCN-010", "no projects: give a 'projects' list or a 'projects_csv' file");
    check_counts(doc);
    check_unique_project_ids(s_, diag_);
    warn_about_unreachable_land();
    warn_about_holiday_coverage();
    return s_;
  }

 private:
  void read_header(const MapReader& m) {
    if (auto v = m.require("kpsim"))
      if (auto n = v->integer(); n && *n != kSchemaVersion)
        v->error("E-SCN-001", "unsupported schema version " + std::to_string(*n) + " (this kpsim reads " +
                                  std::to_string(kSchemaVersion) + ")");
    if (auto v = m.require("name")) s_.name = v->text().value_or("");
    if (auto v = m.get("description")) v->text();
    if (auto v = m.get("money_unit")) s_.money_unit = v->text().value_or(s_.money_unit);
    auto start = m.require("start");
    auto end = m.require("end");
    if (start) s_.start = start->date().value_or(s_.start);
    if (end) s_.end = end->date().value_or(s_.end);
    if (start && end && !diag_.has_errors()) {
      if (s_.end < s_.start) end->error("E-SCN-002", "the horizon ends before it starts");
      else if (s_.horizon_days() > kMaxHorizonDays)
        end->error("E-SCN-003", "the horizon is longer than the limit of 50 years");
    }
    if (auto v = m.get("seed")) s_.seed = read_seed(*v).value_or(s_.seed);
    if (auto v = m.get("replications")) s_.replications = read_replications(*v).value_or(s_.replications);
    if (auto v = m.get("annual_plan"))
      if (auto x = v->number()) {
        if (*x <= 0) v->error("E-SCN-006", "the annual plan must be positive");
        else s_.annual_plan = *x;
      }
  }

  // statistics: {min_investment, registration_lag_months, combine_jan_feb}
  void read_statistics(const Value& v) {
    MapReader m(v, {"min_investment", "registration_lag_months", "combine_jan_feb"});
    if (!m.ok()) return;
    model::StatisticsRules r;
    r.loc = v.loc();
    // 5 million yuan in the scenario's money unit, when the unit is one we know.
    const std::pair<const char*, double> units[] = {{"亿元", 0.05}, {"万元", 500}, {"元", 5e6}};
    bool known_unit = false;
    for (const auto& [unit, threshold] : units)
      if (s_.money_unit == unit) r.min_investment = threshold, known_unit = true;
    if (auto x = m.get("min_investment")) {
      if (auto n = x->number()) {
        if (*n < 0) x->error("E-SCN-012", "the counting threshold must not be negative");
        else r.min_investment = *n;
      }
    } else if (!known_unit) {
      v.error("E-SCN-013", "give 'min_investment' (5 million yuan in '" + s_.money_unit +
                               "'): the threshold is known only for 亿元, 万元 and 元");
    }
    if (auto x = m.get("registration_lag_months"))
      if (auto n = x->integer()) {
        if (*n < 0 || *n > 24) x->error("E-SCN-014", "registration lag is 0 to 24 months");
        else r.registration_lag_months = static_cast<int>(*n);
      }
    if (auto x = m.get("combine_jan_feb")) r.combine_jan_feb = x->boolean().value_or(true);
    s_.statistics = r;
  }

  // duration_scale: {preparation: k, approval: k, land: k, construction: k}
  // — every drawn duration of the templates' steps of that type × k, from the
  // same random numbers (a calibration knob: "owners take 1.4 times as long
  // to prepare as the templates say").
  void read_duration_scale(const Value& v) {
    MapReader m(v, {"approval", "land", "construction", "preparation"});
    if (!m.ok()) return;
    for (auto& [type_name, x] : m.entries()) {
      const auto k = x.number();
      if (!k) continue;
      if (!(*k > 0) || *k > 10) {
        x.error("E-SCN-016", "a duration scale is above 0 and at most 10");
        continue;
      }
      for (model::Template& t : s_.templates)
        for (model::Step& step : t.steps) {
          if (model::to_string(step.type) != type_name) continue;
          step.duration = core::scaled(step.duration, *k);
          for (model::MergedPart& part : step.parts) part.duration = core::scaled(part.duration, *k);
        }
    }
  }

  // report: {at_risk: probability, sensitivity: [project ids]}
  void read_report(const Value& v) {
    MapReader m(v, {"at_risk", "sensitivity"});
    if (!m.ok()) return;
    if (auto x = m.get("sensitivity")) {
      std::vector<std::string> ids;
      for (const model::Project& p : s_.projects) ids.push_back(p.id);
      for (const Value& e : x->elements())
        if (auto id = reference(e, ids, "project")) {
          const auto p = static_cast<std::uint32_t>(std::find(ids.begin(), ids.end(), *id) - ids.begin());
          if (std::find(s_.sensitivity_projects.begin(), s_.sensitivity_projects.end(), p) != s_.sensitivity_projects.end())
            e.error("E-SCN-019", "project '" + *id + "' is named twice");
          else s_.sensitivity_projects.push_back(p);
        }
    }
    if (auto x = m.get("at_risk"))
      if (auto p = x->number()) {
        if (*p <= 0 || *p > 1) x->error("E-SCN-015", "at_risk is a probability above 0 and at most 1");
        else s_.at_risk_threshold = *p;
      }
  }

  void read_agencies(const Value& v) {
    MapReader m(v, {});
    const auto calendars = model::ids_of(s_.calendars);
    for (auto& [id, value] : m.entries()) {
      model::Agency a;
      a.id = id;
      a.loc = value.loc();
      MapReader am(value, {"name", "capacity", "calendar", "discipline"});
      if (!am.ok()) continue;
      if (auto n = am.get("name")) a.name = n->text().value_or("");
      if (a.name.empty()) a.name = id;
      if (auto c = am.require("capacity"))
        if (auto n = c->integer()) {
          if (*n < 1 || *n > 100000) c->error("E-AGY-001", "capacity is the number of parallel reviewers: 1 to 100000");
          else a.capacity = static_cast<int>(*n);
        }
      if (auto c = am.require("calendar")) a.calendar = reference(*c, calendars, "calendar").value_or("");
      if (auto d = am.get("discipline")) a.discipline = read_discipline(*d).value_or(a.discipline);
      s_.agencies.push_back(std::move(a));
    }
  }

  // land: {pools: {id: {name, discipline, releases: [{date, mu}]}}}
  void read_land(const Value& v) {
    MapReader m(v, {"pools"});
    auto pools = m.require("pools");
    if (!pools) return;
    MapReader pm(*pools, {});
    for (auto& [id, value] : pm.entries()) {
      model::LandPool pool;
      pool.id = id;
      pool.loc = value.loc();
      MapReader lm(value, {"name", "discipline", "releases"});
      if (!lm.ok()) continue;
      if (auto n = lm.get("name")) pool.name = n->text().value_or("");
      if (pool.name.empty()) pool.name = id;
      if (auto d = lm.get("discipline")) pool.discipline = read_discipline(*d).value_or(pool.discipline);
      if (auto releases = lm.require("releases"))
        for (const Value& r : releases->elements()) {
          MapReader rm(r, {"date", "mu"});
          auto date = rm.require("date");
          auto mu = rm.require("mu");
          if (!date || !mu) continue;
          auto d = date_in_tables(*date, s_);
          auto x = mu->number();
          if (x && *x < 0) mu->error("E-LAND-001", "a release cannot be negative");
          if (d && x && *x >= 0) pool.releases.push_back({*d, *x});
        }
      std::stable_sort(pool.releases.begin(), pool.releases.end(),
                       [](const auto& a, const auto& b) { return a.date < b.date; });
      s_.land_pools.push_back(std::move(pool));
    }
  }

  // A project that needs more land than its pool will ever release never starts:
  // not an input error, but worth saying before the run.
  void warn_about_unreachable_land() {
    for (const model::Project& p : s_.projects) {
      const model::LandPool* pool = s_.find_land_pool(p.land_pool);
      if (!pool || p.land_mu <= 0) continue;
      double total = 0;
      for (const auto& r : pool->releases) total += r.mu;
      if (p.land_mu > total)
        diag_.warning("W-LAND-001", p.loc,
                      "project '" + p.id + "' needs " + std::to_string(p.land_mu) + " 亩 but pool '" + pool->id +
                          "' releases " + std::to_string(total) + " in all: its land steps will never start");
    }
  }

  // Ids are packed into small integers in the engine; these limits keep them in range.
  void check_counts(const Value& doc) {
    auto over = [&](std::size_t n, std::size_t limit, const char* what, const model::SourceLoc& where) {
      if (n > limit)
        diag_.error("E-SCN-011", where, std::to_string(n) + " " + what + ": the limit is " + std::to_string(limit));
    };
    over(s_.projects.size(), 1'000'000, "projects", doc.loc());
    over(s_.calendars.size(), 1'000, "calendars", doc.loc());
    over(s_.agencies.size(), 100'000, "agencies", doc.loc());
    over(s_.risks.size(), 10'000, "risks", doc.loc());
    for (const model::Template& t : s_.templates) over(t.steps.size(), 1'000, "steps in a template", t.loc);
  }

  void warn_about_holiday_coverage() {
    for (const model::CalendarSpec& c : s_.calendars)
      if (c.holidays_known_through && *c.holidays_known_through < s_.end)
        diag_.warning("W-CAL-001", c.loc,
                      "calendar '" + c.id + "': official holidays are known only through " +
                          c.holidays_known_through->iso() + "; later dates follow the week rule");
  }

  // A sweep, a calibration or a policy overlay given where a scenario
  // belongs: one error that names the file's kind and the command it is for,
  // not a missing key for each part of a scenario it lacks.
  bool other_kind_of_file(const Value& doc) {
    if (!doc.is_map()) return false;
    const YAML::Node& n = doc.node();
    const std::string file = "'" + path_ + "'";
    std::string hint;
    if (n["sweep"]) hint = "this is a sweep file: run it with `kpsim sweep " + file + "`";
    else if (n["calibration"]) hint = "this is a calibration file: run it with `kpsim calibrate " + file + "`";
    else if ((n["policies"] || n["set"]) && !n["templates"] && !n["calendars"] && !n["projects"] && !n["projects_csv"])
      hint = "this is a policy overlay, not a scenario: apply it with `kpsim run SCENARIO --policy " + file +
             "`, or compare it with `kpsim compare SCENARIO " + file + "`";
    if (hint.empty()) return false;
    doc.error("E-SCN-018", hint);
    return true;
  }

  std::string path_, base_dir_;
  model::Diagnostics& diag_;
  model::Scenario s_;
};

model::Scenario read_scenario(const std::optional<YamlDocument>& file, const std::string& path, model::Diagnostics& diag) {
  model::Scenario s;
  if (file) s = ScenarioReader(path, diag).read(*file);
  diag.throw_if_errors();
  s.warnings = diag.warnings();
  return s;
}

}  // namespace

model::Scenario load_scenario_text(const std::string& text, const std::string& path) {
  model::Diagnostics diag;
  return read_scenario(parse_yaml_text(text, path, diag), path, diag);
}

model::Scenario load_scenario(const std::string& path) {
  model::Diagnostics diag;
  return read_scenario(parse_yaml_file(path, diag), path, diag);
}

}  // namespace kpsim::input
