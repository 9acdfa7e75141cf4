#include "sim/io/load_scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include "sim/io/project_fields.hpp"
#include "sim/io/read_enums.hpp"
#include "sim/io/read_calendars.hpp"
#include "sim/io/read_distribution.hpp"
#include "sim/io/read_projects_csv.hpp"
#include "sim/io/read_policies.hpp"
#include "sim/io/read_risks.hpp"
#include "sim/core/suggest.hpp"
#include "sim/io/yaml_reader.hpp"

namespace kpsim::io {
using core::did_you_mean;
using core::nearest_name;
namespace {

constexpr int kSchemaVersion = 1;
constexpr std::int32_t kMaxHorizonDays = 50 * 366;

bool is_project_field(const std::string& key) {
  const auto& f = project_field_names();
  return std::find(f.begin(), f.end(), key) != f.end();
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& x : items) ids.push_back(x.id);
  return ids;
}

// A reference to a named thing: reports an unknown name with a suggestion.
std::optional<std::string> reference(const Value& v, const std::vector<std::string>& known, const char* what) {
  auto name = v.text();
  if (!name) return std::nullopt;
  if (std::find(known.begin(), known.end(), *name) != known.end()) return name;
  v.error("E-REF-001", std::string("unknown ") + what + " '" + *name + "'" + did_you_mean(*name, known));
  return std::nullopt;
}

class ScenarioReader {
 public:
  ScenarioReader(const std::string& path, model::Diagnostics& diag)
      : path_(path), base_dir_(std::filesystem::path(path).parent_path().string()), diag_(diag) {}

  model::Scenario read(const YamlDocument& file) {
    s_.file = path_;
    const Value doc = file.root_value(diag_);
    MapReader m(doc, {"kpsim", "name", "description", "start", "end", "money_unit", "seed", "replications",
                      "annual_plan", "calendars", "agencies", "land", "templates", "projects", "projects_csv",
                      "arrivals", "copulas", "risks", "policies", "statistics", "report"});
    if (!m.ok()) return s_;
    read_header(m);
    if (auto v = m.get("statistics")) read_statistics(*v);
    if (auto v = m.get("report")) read_report(*v);
    if (auto c = m.require("calendars")) s_.calendars = read_calendars(*c, base_dir_);
    if (auto a = m.get("agencies")) read_agencies(*a);
    if (auto l = m.get("land")) read_land(*l);
    if (auto t = m.require("templates")) read_templates(*t);
    if (auto p = m.get("projects"))
      for (const Value& e : p->elements()) read_project(e);
    if (auto csv = m.get("projects_csv")) read_projects_csv(*csv, base_dir_, s_);
    if (auto a = m.get("arrivals"))
      for (const Value& e : a->elements()) read_arrival(e);
    if (auto c = m.get("copulas")) read_copulas(*c, s_);
    if (auto r = m.get("risks")) read_risks(*r, s_);
    if (auto p = m.get("policies")) s_.policies = read_policies(*p);
    if (!m.has("projects") && !m.has("projects_csv"))
      doc.error("E-SCN-010", "no projects: give a 'projects' list or a 'projects_csv' file");
    check_counts(doc);
    check_unique_project_ids();
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

  // report: {at_risk: probability}
  void read_report(const Value& v) {
    MapReader m(v, {"at_risk"});
    if (!m.ok()) return;
    if (auto x = m.get("at_risk"))
      if (auto p = x->number()) {
        if (*p <= 0 || *p > 1) x->error("E-SCN-015", "at_risk is a probability above 0 and at most 1");
        else s_.at_risk_threshold = *p;
      }
  }

  void read_agencies(const Value& v) {
    MapReader m(v, {});
    const auto calendars = ids_of(s_.calendars);
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
          auto d = in_tables(*date);
          auto x = mu->number();
          if (x && *x < 0) mu->error("E-LAND-001", "a release cannot be negative");
          if (d && x && *x >= 0) pool.releases.push_back({*d, *x});
        }
      std::stable_sort(pool.releases.begin(), pool.releases.end(),
                       [](const auto& a, const auto& b) { return a.date < b.date; });
      s_.land_pools.push_back(std::move(pool));
    }
  }

  // A date the calendar tables cover: the horizon plus 25 years.
  std::optional<core::Date> in_tables(const Value& v) {
    auto d = v.date();
    if (d && *d > s_.last_table_day()) {
      v.error("E-VAL-005", "after " + s_.last_table_day().iso() + ", where the calendars end (the horizon plus 25 years)");
      return std::nullopt;
    }
    return d;
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

  void read_templates(const Value& v) {
    MapReader m(v, {});
    for (auto& [id, value] : m.entries()) {
      model::Template t;
      t.id = t.family = id;
      t.loc = value.loc();
      MapReader tm(value, {"name", "calendar", "steps"});
      if (!tm.ok()) continue;
      if (auto n = tm.get("name")) t.name = n->text().value_or("");
      std::string default_calendar;
      if (auto c = tm.get("calendar")) default_calendar = reference(*c, ids_of(s_.calendars), "calendar").value_or("");
      if (auto steps = tm.require("steps")) {
        for (const Value& e : steps->elements()) read_step(e, t, default_calendar);
        check_template(t, *steps);
      }
      s_.templates.push_back(std::move(t));
    }
  }

  void read_step(const Value& v, model::Template& t, const std::string& default_calendar) {
    MapReader m(v, {"id", "name", "type", "stage", "agency", "needs", "calendar", "duration", "limit", "after",
                    "share", "milestone", "effort", "off_clock", "deemed"});
    if (!m.ok()) return;
    model::Step s;
    s.loc = v.loc();
    if (auto id = m.require("id")) {
      s.id = id->text().value_or("");
      if (!s.id.empty() && t.find_step(s.id)) id->error("E-TPL-001", "duplicate step id '" + s.id + "'");
    }
    if (auto n = m.get("name")) s.name = n->text().value_or("");
    if (s.name.empty()) s.name = s.id;
    if (auto ty = m.get("type")) s.type = read_step_type(*ty).value_or(s.type);
    const bool construction = s.type == model::StepType::construction;
    const bool no_agency = construction || s.type == model::StepType::preparation;
    if (auto st = m.get("stage")) s.stage = st->text().value_or("");
    if (auto a = m.get("agency")) {
      if (no_agency) a->error("E-TPL-002", std::string(model::to_string(s.type)) + " steps are not served by an agency");
      else s.agency = reference(*a, ids_of(s_.agencies), "agency").value_or("");
    } else if (!no_agency) {
      v.error("E-TPL-003", "an approval or land step needs the agency that serves it ('agency')");
    }
    read_needs(m, s);
    if (auto c = m.get("calendar")) s.calendar = reference(*c, ids_of(s_.calendars), "calendar").value_or("");
    else if (const model::Agency* a = s_.find_agency(s.agency)) s.calendar = a->calendar;
    else s.calendar = default_calendar;
    // Approval steps inherit their agency's calendar; construction needs one here or on the template.
    if (no_agency && s.calendar.empty() && !m.has("calendar"))
      v.error("E-TPL-004", "no calendar for this step: give 'calendar' here or on the template");
    if (auto d = m.require("duration")) s.duration = read_distribution(*d).value_or(s.duration);
    if (auto l = m.get("limit")) {
      if (no_agency) l->error("E-TPL-005", "statutory limits apply to approval and land steps, not " + std::string(model::to_string(s.type)));
      else if (auto x = l->number()) {
        if (*x <= 0) l->error("E-TPL-006", "a statutory limit is a positive number of working days");
        else s.limit = *x;
      }
    }
    if (auto a = m.get("after")) {
      for (const Value& e : a->one_or_many()) {
        auto pred = e.text();
        if (!pred) continue;
        pending_refs_.push_back({*pred, e});
        s.after.push_back(*pred);
      }
    } else if (!t.steps.empty()) {
      s.after.push_back(t.steps.back().id);  // steps follow the previous one unless told otherwise
    }
    if (auto sh = m.get("share")) {
      if (!construction) sh->error("E-TPL-007", "only construction steps carry a share of the investment");
      else if (auto x = sh->number()) {
        if (*x < 0 || *x > 1) sh->error("E-TPL-008", "a share is between 0 and 1");
        else s.share = *x;
      }
    }
    if (auto ms = m.get("milestone")) s.milestone = ms->text().value_or("");
    read_clock_fields(m, s);
    t.steps.push_back(std::move(s));
  }

  // How the step's time splits against its agency and its statutory clock.
  void read_clock_fields(const MapReader& m, model::Step& s) {
    const bool no_agency = s.type == model::StepType::construction || s.type == model::StepType::preparation;
    auto only_for_agency_steps = [&](const char* key) {
      auto v = m.get(key);
      if (v && no_agency)
        v->error("E-TPL-014", std::string("'") + key + "' applies to steps served by an agency, not " +
                                  std::string(model::to_string(s.type)));
      return no_agency ? std::nullopt : v;
    };
    if (auto e = only_for_agency_steps("effort")) s.effort = read_distribution(*e);
    if (auto phases = only_for_agency_steps("off_clock"))
      for (const Value& ph : phases->elements()) {
        MapReader pm(ph, {"name", "duration"});
        if (!pm.ok()) continue;
        model::OffClockPhase phase;
        if (auto n = pm.require("name")) phase.name = n->text().value_or("");
        if (auto d = pm.require("duration")) phase.duration = read_distribution(*d).value_or(phase.duration);
        s.off_clock.push_back(std::move(phase));
      }
    if (auto d = only_for_agency_steps("deemed")) {
      s.deemed = d->boolean().value_or(false);
      if (s.deemed && !s.limit) d->error("E-TPL-015", "deemed approval needs a statutory 'limit' to be reached");
    }
  }

  // The agency's own unit first, then `needs: {agency: amount, …}` (which may
  // also set how many units of the step's own agency it holds).
  void read_needs(const MapReader& m, model::Step& s) {
    if (!s.agency.empty()) s.needs.push_back({s.agency, 1});
    auto needs = m.get("needs");
    if (!needs) return;
    if (s.type == model::StepType::construction || s.type == model::StepType::preparation) {
      needs->error("E-TPL-012", std::string(model::to_string(s.type)) + " steps hold no agency resources");
      return;
    }
    MapReader nm(*needs, {});
    for (auto& [agency, amount] : nm.entries()) {
      const model::Agency* a = s_.find_agency(agency);
      if (!a) {
        amount.error("E-REF-001", "unknown agency '" + agency + "'" + did_you_mean(agency, ids_of(s_.agencies)));
        continue;
      }
      auto n = amount.integer();
      if (!n) continue;
      if (*n < 1 || *n > a->capacity) {
        amount.error("E-TPL-013", "needs " + std::to_string(*n) + " of '" + agency + "', which has capacity " +
                                      std::to_string(a->capacity) + ": it could never be served");
        continue;
      }
      const std::string& id = agency;  // clang 14 cannot capture a structured binding
      auto same = std::find_if(s.needs.begin(), s.needs.end(), [&](const auto& r) { return r.agency == id; });
      if (same != s.needs.end()) same->amount = static_cast<int>(*n);
      else s.needs.push_back({agency, static_cast<int>(*n)});
    }
  }

  // Cross-references inside one template, once all its steps are known.
  void check_template(const model::Template& t, const Value& steps) {
    const auto ids = ids_of(t.steps);
    for (const auto& [name, where] : pending_refs_) {
      if (std::find(ids.begin(), ids.end(), name) == ids.end())
        where.error("E-TPL-009", "template '" + t.id + "' has no step '" + name + "'" + did_you_mean(name, ids));
    }
    pending_refs_.clear();
    double shares = 0;
    bool any_construction = false;
    for (const model::Step& s : t.steps)
      if (s.type == model::StepType::construction) shares += s.share, any_construction = true;
    if (!any_construction)
      steps.error("E-TPL-010", "template '" + t.id + "' has no construction step: nothing would turn money into investment");
    else if (std::abs(shares - 1.0) > 1e-6)
      steps.error("E-TPL-011", "the construction steps' shares sum to " + std::to_string(shares) + ", not 1");
  }

  void read_project(const Value& v) {
    MapReader m(v, {"id", "name", "template", "class", "kind", "level", "district", "zone", "investment", "land_mu",
                    "land_pool", "ready", "start_target", "completion_target", "registered", "plan", "category",
                    "state"});
    if (!m.ok()) return;
    ProjectReader reader(s_, diag_, v.loc());
    for (auto& [key, value] : m.entries()) {
      if (key == "state") {
        MapReader sm(value, {"done", "progress", "completed_investment"});
        for (auto& [skey, svalue] : sm.entries()) {
          if (skey == "done") {
            for (const Value& d : svalue.elements())
              if (auto l = d.scalar("a step id")) reader.add_done(*l);
          } else if (auto l = svalue.scalar("a number")) {
            reader.set(skey, *l);
          }
        }
      } else if (is_project_field(key)) {  // unknown keys were reported by the MapReader
        if (auto l = value.scalar("a value")) reader.set(key, *l);
      }
    }
    model::Project p;
    if (reader.finish(p)) s_.projects.push_back(std::move(p));
  }

  void read_arrival(const Value& v) {
    MapReader m(v, {"id", "name", "template", "class", "kind", "district", "zone", "per_month", "dates", "from", "to",
                    "investment", "land_mu", "land_pool"});
    if (!m.ok()) return;
    model::ArrivalStream a;
    a.loc = v.loc();
    a.from = s_.start;
    a.to = s_.end;
    if (auto id = m.require("id")) a.id = id->text().value_or("");
    if (auto n = m.get("name")) a.name = n->text().value_or("");
    if (a.name.empty()) a.name = a.id;
    if (auto t = m.require("template")) a.template_id = reference(*t, ids_of(s_.templates), "template").value_or("");
    if (auto c = m.get("class")) a.project_class = read_class(*c).value_or(a.project_class);
    if (auto k = m.get("kind")) a.kind = read_kind(*k).value_or(a.kind);
    if (auto d = m.get("district")) a.district = d->text().value_or("");
    if (auto z = m.get("zone")) a.zone = z->text().value_or("");
    if (auto r = m.get("per_month"))
      if (auto x = r->number()) {
        if (*x <= 0 || *x > 1000) r->error("E-ARR-001", "a rate is a positive number of projects per month, at most 1000");
        else a.per_month = *x;
      }
    if (auto d = m.get("dates"))
      for (const Value& e : d->elements())
        if (auto date = in_tables(e)) a.dates.push_back(*date);
    if (a.per_month.has_value() == !a.dates.empty())
      v.error("E-ARR-002", "an arrival stream has either 'per_month' (a Poisson rate) or 'dates'");
    if (auto f = m.get("from")) a.from = in_tables(*f).value_or(a.from);
    if (auto t = m.get("to")) a.to = in_tables(*t).value_or(a.to);
    if (a.to < a.from) v.error("E-ARR-003", "the arrival window ends before it starts");
    if (auto i = m.require("investment")) a.investment = read_distribution(*i).value_or(a.investment);
    if (auto l = m.get("land_mu")) a.land_mu = read_distribution(*l).value_or(a.land_mu);
    if (auto p = m.get("land_pool")) {
      std::vector<std::string> pools;
      for (const auto& lp : s_.land_pools) pools.push_back(lp.id);
      a.land_pool = reference(*p, pools, "land pool").value_or("");
    } else if (!s_.land_pools.empty()) {
      a.land_pool = s_.land_pools.front().id;
    }
    s_.arrivals.push_back(std::move(a));
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

  // Linear in the projects: a portfolio may hold hundreds of thousands.
  void check_unique_project_ids() {
    std::unordered_map<std::string_view, std::size_t> first;
    first.reserve(s_.projects.size());
    for (std::size_t i = 0; i < s_.projects.size(); ++i) {
      const auto [it, fresh] = first.emplace(s_.projects[i].id, i);
      if (fresh) continue;
      const auto& where = s_.projects[it->second].loc;
      diag_.error("E-PRJ-010", s_.projects[i].loc,
                  "duplicate project id '" + s_.projects[i].id + "' (first at " + where.file + ":" +
                      std::to_string(where.line) + ")");
    }
  }

  void warn_about_holiday_coverage() {
    for (const model::CalendarSpec& c : s_.calendars)
      if (c.holidays_known_through && *c.holidays_known_through < s_.end)
        diag_.warning("W-CAL-001", c.loc,
                      "calendar '" + c.id + "': official holidays are known only through " +
                          c.holidays_known_through->iso() + "; later dates follow the week rule");
  }

  std::string path_, base_dir_;
  model::Diagnostics& diag_;
  model::Scenario s_;
  std::vector<std::pair<std::string, Value>> pending_refs_;
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

}  // namespace kpsim::io
