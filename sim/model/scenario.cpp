#include "sim/model/scenario.hpp"

#include <algorithm>

#include "sim/model/ids.hpp"

namespace kpsim::model {

const Step* Template::find_step(std::string_view step_id) const { return find_by_id(steps, step_id); }
const CalendarSpec* Scenario::find_calendar(std::string_view id) const { return find_by_id(calendars, id); }
const Agency* Scenario::find_agency(std::string_view id) const { return find_by_id(agencies, id); }
const Template* Scenario::find_template(std::string_view id) const { return find_by_id(templates, id); }
const LandPool* Scenario::find_land_pool(std::string_view id) const { return find_by_id(land_pools, id); }

std::set<std::string> done_closure(const Template& t, const std::vector<std::string>& done) {
  std::set<std::string> out;
  std::vector<std::string> todo = done;
  while (!todo.empty()) {
    const std::string id = todo.back();
    todo.pop_back();
    if (!out.insert(id).second) continue;
    if (const Step* s = t.find_step(id)) todo.insert(todo.end(), s->after.begin(), s->after.end());
  }
  return out;
}

std::set<std::string> done_at_start(const Template& t, const Project& p) {
  std::vector<std::string> roots = p.state.done;
  double left = p.state.progress;
  for (const Step& s : t.steps)  // construction touched by progress, in order
    if (s.type == StepType::construction && left > 0) {
      roots.insert(roots.end(), s.after.begin(), s.after.end());
      left -= s.share;
    }
  return done_closure(t, roots);
}

std::string_view to_string(StepType t) {
  switch (t) {
    case StepType::approval: return "approval";
    case StepType::land: return "land";
    case StepType::construction: return "construction";
    case StepType::preparation: return "preparation";
  }
  return "?";
}

std::string_view to_string(ProjectClass c) { return c == ProjectClass::key ? "key" : "normal"; }

std::string_view to_string(ProjectKind k) {
  switch (k) {
    case ProjectKind::government: return "government";
    case ProjectKind::enterprise: return "enterprise";
    case ProjectKind::industrial: return "industrial";
  }
  return "?";
}

std::string_view to_string(Discipline d) {
  switch (d) {
    case Discipline::fifo: return "fifo";
    case Discipline::key_first: return "key_first";
    case Discipline::priority: return "priority";
  }
  return "?";
}

std::string_view to_string(RiskEffect e) {
  switch (e) {
    case RiskEffect::delay: return "delay";
    case RiskEffect::rework: return "rework";
    case RiskEffect::stall: return "stall";
    case RiskEffect::pause_until: return "pause_until";
  }
  return "?";
}

std::string project_field(const Project& p, std::string_view field) {
  if (field == "district") return p.district;
  if (field == "kind") return std::string(to_string(p.kind));
  if (field == "class") return std::string(to_string(p.project_class));
  if (field == "template") return p.template_id;
  if (field == "level") return p.level;
  return {};
}

}  // namespace kpsim::model
