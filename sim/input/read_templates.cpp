#include "sim/input/read_templates.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/core/distribution.hpp"
#include "sim/core/suggest.hpp"
#include "sim/input/read_distribution.hpp"
#include "sim/input/read_enums.hpp"
#include "sim/input/read_spend.hpp"
#include "sim/input/references.hpp"
#include "sim/model/ids.hpp"

namespace kpsim::input {
namespace {

// A step named in `after`, checked once the template's steps are all known.
using PendingRef = std::pair<std::string, Value>;

// How the step's time splits against its agency and its statutory clock.
std::vector<std::string> agency_names(const model::Scenario& sc) {
  std::vector<std::string> names;
  for (const model::Agency& a : sc.agencies) names.push_back(a.name);
  return names;
}

std::string format_days(double d) {
  std::ostringstream s;
  s << d;
  return s.str();
}

void read_clock_fields(const MapReader& m, model::Step& s) {
  const bool no_agency = s.type == model::StepType::construction || s.type == model::StepType::preparation;
  auto only_for_agency_steps = [&](const char* key) {
    auto v = m.get(key);
    if (v && no_agency)
      v->error("E-TPL-014", std::string("'") + key + "' applies to steps served by an agency, not " +
                                std::string(model::to_string(s.type)));
    return no_agency ? std::nullopt : v;
  };
  if (auto e = only_for_agency_steps("effort")) {
    s.effort = read_distribution(*e);
    // Reviewers cannot work longer on a case than the case takes (a draw
    // that does is cut to the step's on-clock time).
    if (s.effort && core::deterministic_value(*s.effort) > core::deterministic_value(s.duration))
      e->error("E-TPL-017", "the reviewers' effort (most likely " + format_days(core::deterministic_value(*s.effort)) +
                                " working days) exceeds the step's duration (most likely " +
                                format_days(core::deterministic_value(s.duration)) + ")");
  }
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
void read_needs(const MapReader& m, model::Step& s, const model::Scenario& sc) {
  if (!s.agency.empty()) s.needs.push_back({s.agency, 1});
  auto needs = m.get("needs");
  if (!needs) return;
  if (s.type == model::StepType::construction || s.type == model::StepType::preparation) {
    needs->error("E-TPL-012", std::string(model::to_string(s.type)) + " steps hold no agency resources");
    return;
  }
  MapReader nm(*needs, {});
  for (auto& [agency, amount] : nm.entries()) {
    const model::Agency* a = sc.find_agency(agency);
    if (!a) {
      amount.error("E-REF-001", "unknown agency '" + agency + "'" + core::did_you_mean(agency, model::ids_of(sc.agencies)));
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
void check_template(const model::Template& t, const Value& steps, const std::vector<PendingRef>& pending) {
  const auto ids = model::ids_of(t.steps);
  for (const auto& [name, where] : pending) {
    if (std::find(ids.begin(), ids.end(), name) == ids.end())
      where.error("E-TPL-009", "template '" + t.id + "' has no step '" + name + "'" + core::did_you_mean(name, ids));
  }
  double shares = 0;
  bool any_construction = false;
  for (const model::Step& s : t.steps)
    if (s.type == model::StepType::construction) shares += s.share, any_construction = true;
  if (!any_construction)
    steps.error("E-TPL-010", "template '" + t.id + "' has no construction step: nothing would turn money into investment");
  else if (std::abs(shares - 1.0) > 1e-6)
    steps.error("E-TPL-011", "the construction steps' shares sum to " + std::to_string(shares) + ", not 1");
}

void read_step(const Value& v, model::Template& t, const std::string& default_calendar,
               const model::SpendCurve& default_curve, const model::Scenario& sc, std::vector<PendingRef>& pending) {
  MapReader m(v, {"id", "name", "type", "stage", "agency", "needs", "calendar", "duration", "limit", "after",
                  "share", "milestone", "effort", "off_clock", "deemed", "curve"});
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
    else s.agency = reference(*a, model::ids_of(sc.agencies), "agency", agency_names(sc)).value_or("");
  } else if (!no_agency) {
    v.error("E-TPL-003", "an approval or land step needs the agency that serves it ('agency')");
  }
  read_needs(m, s, sc);
  if (auto c = m.get("calendar")) s.calendar = reference(*c, model::ids_of(sc.calendars), "calendar").value_or("");
  else if (const model::Agency* a = sc.find_agency(s.agency)) s.calendar = a->calendar;
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
      pending.push_back({*pred, e});
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
  if (construction) s.curve = default_curve;
  if (auto c = m.get("curve")) {
    if (!construction) c->error("E-TPL-016", "only construction steps spend along a curve");
    else s.curve = read_spend_curve(*c).value_or(s.curve);
  }
  read_clock_fields(m, s);
  t.steps.push_back(std::move(s));
}

}  // namespace

void read_templates(const Value& v, model::Scenario& sc) {
  MapReader m(v, {});
  for (auto& [id, value] : m.entries()) {
    model::Template t;
    t.id = t.family = id;
    t.loc = value.loc();
    MapReader tm(value, {"name", "calendar", "curve", "composition", "steps"});
    if (!tm.ok()) continue;
    if (auto n = tm.get("name")) t.name = n->text().value_or("");
    std::string default_calendar;
    if (auto c = tm.get("calendar")) default_calendar = reference(*c, model::ids_of(sc.calendars), "calendar").value_or("");
    model::SpendCurve default_curve;  // the template's construction steps', unless a step says
    if (auto c = tm.get("curve")) default_curve = read_spend_curve(*c).value_or(default_curve);
    if (auto steps = tm.require("steps")) {
      std::vector<PendingRef> pending;
      for (const Value& e : steps->elements()) read_step(e, t, default_calendar, default_curve, sc, pending);
      check_template(t, *steps, pending);
    }
    if (auto c = tm.get("composition")) t.composition = read_composition(*c, t, sc);
    sc.templates.push_back(std::move(t));
  }
}

}  // namespace kpsim::input
