#include "sim/input/read_projects.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "sim/input/project_fields.hpp"
#include "sim/input/read_distribution.hpp"
#include "sim/input/read_enums.hpp"
#include "sim/input/references.hpp"
#include "sim/model/ids.hpp"

namespace kpsim::input {
namespace {

bool is_project_field(const std::string& key) {
  const auto& f = project_field_names();
  return std::find(f.begin(), f.end(), key) != f.end();
}

}  // namespace

void read_project(const Value& v, model::Scenario& sc, model::Diagnostics& diag) {
  MapReader m(v, {"id", "name", "template", "class", "kind", "level", "district", "zone", "investment", "land_mu",
                  "land_pool", "ready", "start_target", "completion_target", "registered", "plan", "category",
                  "state"});
  if (!m.ok()) return;
  ProjectReader reader(sc, diag, v.loc());
  for (auto& [key, value] : m.entries()) {
    if (key == "state") {
      MapReader sm(value, {"done", "progress", "completed_investment", "under_way", "filed", "worked"});
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
  if (reader.finish(p)) sc.projects.push_back(std::move(p));
}

void read_arrival(const Value& v, model::Scenario& sc) {
  MapReader m(v, {"id", "name", "template", "class", "kind", "district", "zone", "per_month", "dates", "from", "to",
                  "investment", "land_mu", "land_pool"});
  if (!m.ok()) return;
  model::ArrivalStream a;
  a.loc = v.loc();
  a.from = sc.start;
  a.to = sc.end;
  if (auto id = m.require("id")) a.id = id->text().value_or("");
  if (auto n = m.get("name")) a.name = n->text().value_or("");
  if (a.name.empty()) a.name = a.id;
  if (auto t = m.require("template")) a.template_id = reference(*t, model::ids_of(sc.templates), "template").value_or("");
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
      if (auto date = date_in_tables(e, sc)) a.dates.push_back(*date);
  if (a.per_month.has_value() == !a.dates.empty())
    v.error("E-ARR-002", "an arrival stream has either 'per_month' (a Poisson rate) or 'dates'");
  if (auto f = m.get("from")) a.from = date_in_tables(*f, sc).value_or(a.from);
  if (auto t = m.get("to")) a.to = date_in_tables(*t, sc).value_or(a.to);
  if (a.to < a.from) v.error("E-ARR-003", "the arrival window ends before it starts");
  if (auto i = m.require("investment")) a.investment = read_distribution(*i).value_or(a.investment);
  if (auto l = m.get("land_mu")) a.land_mu = read_distribution(*l).value_or(a.land_mu);
  if (auto p = m.get("land_pool")) {
    std::vector<std::string> pools;
    for (const auto& lp : sc.land_pools) pools.push_back(lp.id);
    a.land_pool = reference(*p, pools, "land pool").value_or("");
  } else if (!sc.land_pools.empty()) {
    a.land_pool = sc.land_pools.front().id;
  }
  sc.arrivals.push_back(std::move(a));
}

// Linear in the projects: a portfolio may hold hundreds of thousands.
void check_unique_project_ids(const model::Scenario& sc, model::Diagnostics& diag) {
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(sc.projects.size());
  for (std::size_t i = 0; i < sc.projects.size(); ++i) {
    const auto [it, fresh] = first.emplace(sc.projects[i].id, i);
    if (fresh) continue;
    const auto& where = sc.projects[it->second].loc;
    diag.error("E-PRJ-010", sc.projects[i].loc,
                "duplicate project id '" + sc.projects[i].id + "' (first at " + where.file + ":" +
                    std::to_string(where.line) + ")");
  }
}

}  // namespace kpsim::input
