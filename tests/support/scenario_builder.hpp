// Small scenarios built in code, for engine and report tests that should not
// depend on the YAML reader.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::test {

inline core::Date date(const char* iso) { return *core::parse_iso_date(iso); }

// A scenario over 2026 with one all-week calendar ("continuous"), one Mon–Fri
// calendar ("office") and one agency on it ("office").
inline model::Scenario base_scenario() {
  model::Scenario s;
  s.name = "test";
  s.file = "test.yaml";
  s.start = date("2026-01-01");
  s.end = date("2026-12-31");
  model::CalendarSpec all;
  all.id = "continuous";
  all.pattern.weekday_works.fill(true);
  model::CalendarSpec office;
  office.id = "office";
  s.calendars = {all, office};
  s.agencies.push_back({"office", "办公室", 1, "office", model::Discipline::fifo, {}});
  return s;
}

struct StepDef {
  std::string id;
  double days;
  std::vector<std::string> after;
  double share = 0;  // > 0 makes it a construction step
};

inline model::Template make_template(const std::string& id, const std::vector<StepDef>& defs,
                                     const std::string& calendar = "continuous") {
  model::Template t;
  t.id = id;
  for (const StepDef& d : defs) {
    model::Step s;
    s.id = s.name = d.id;
    s.duration = core::Distribution::fixed(d.days);
    s.after = d.after;
    s.calendar = calendar;
    s.share = d.share;
    s.type = d.share > 0 ? model::StepType::construction : model::StepType::approval;
    t.steps.push_back(s);
  }
  return t;
}

inline model::Project make_project(const std::string& id, const std::string& tmpl, double investment) {
  model::Project p;
  p.id = id;
  p.name = id;
  p.template_id = tmpl;
  p.investment = investment;
  return p;
}

// A scenario with nothing random or rationed left: no risks, lost days,
// arrivals or land quotas (durations stay distributions).
inline model::Scenario without_risks_and_quotas(model::Scenario s) {
  s.risks.clear();
  s.copulas.clear();
  s.arrivals.clear();
  s.land_pools.clear();
  for (auto& p : s.projects) p.land_pool.clear();
  for (auto& c : s.calendars) c.lost_days.clear();
  return s;
}

}  // namespace kpsim::test
