#include "sim/output/schedule_text.hpp"

#include <cmath>

#include "sim/engine/task_graph.hpp"
#include "sim/output/text_table.hpp"
#include "sim/report/periods.hpp"

namespace kpsim::output {
namespace {

const model::Step& step_of(const model::Scenario& sc, const engine::Network& net, std::uint32_t t) {
  return sc.templates[net.project_template[net.tasks[t].project]].steps[net.tasks[t].step];
}

std::string day(const engine::Network& net, std::int32_t d) { return (net.origin + d).iso(); }

std::string critical_path(const model::Scenario& sc, const engine::Network& net, const engine::CpmSchedule& cpm,
                          std::uint32_t p) {
  std::string path;
  for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
    if (cpm.critical[t] && !net.tasks[t].done_at_start) path += (path.empty() ? "" : " → ") + step_of(sc, net, t).id;
  return path;
}

}  // namespace

void print_project_schedule(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                            const engine::CpmSchedule& cpm, std::uint32_t p) {
  const model::Project& pr = sc.projects[p];
  out << pr.id << "  " << pr.name << "  (template " << pr.template_id << ", " << fixed(pr.investment, 2) << ' '
      << sc.money_unit << ")\n";
  out << "Deterministic schedule, unlimited agency capacity; slack in working days of each step's calendar.\n\n";
  using A = TextTable::Align;
  TextTable t({{"step", A::left}, {"name", A::left}, {"agency", A::left}, {"days", A::right}, {"early start", A::left},
               {"early finish", A::left}, {"late start", A::left}, {"late finish", A::left}, {"slack", A::right},
               {"", A::left}});
  for (std::uint32_t i = net.project_begin[p]; i < net.project_begin[p + 1]; ++i) {
    const model::Step& s = step_of(sc, net, i);
    if (net.tasks[i].done_at_start) {
      t.add_row({s.id, s.name, s.agency, "", "done", "", "", "", "", ""});
      continue;
    }
    const double es = cpm.early.start(i), ef = cpm.early.finish(i);
    const double ls = cpm.late_start[i], lf = cpm.late_finish[i];
    t.add_row({s.id, s.name, s.agency, fixed(engine::deterministic_work(net, i), 1), day(net, report::start_day(es)),
               day(net, report::finish_day(es, ef)), day(net, report::start_day(ls)), day(net, report::finish_day(ls, lf)),
               fixed(cpm.total_slack[i], 1), cpm.critical[i] ? "critical" : ""});
  }
  t.print(out);
  out << "\nCritical path: " << critical_path(sc, net, cpm, p) << '\n';
}

void print_portfolio_schedule(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                              const engine::CpmSchedule& cpm) {
  using A = TextTable::Align;
  TextTable t({{"project", A::left}, {"name", A::left}, {"finish", A::left}, {"critical path", A::left}});
  for (std::uint32_t p = 0; p < net.fixed_projects; ++p) {
    std::int32_t finish = 0;
    double latest = -1;
    for (std::uint32_t i = net.project_begin[p]; i < net.project_begin[p + 1]; ++i)
      if (!net.tasks[i].done_at_start && cpm.early.finish(i) > latest)
        latest = cpm.early.finish(i), finish = report::finish_day(cpm.early.start(i), cpm.early.finish(i));
    t.add_row({sc.projects[p].id, sc.projects[p].name, latest < 0 ? "done" : day(net, finish),
               critical_path(sc, net, cpm, p)});
  }
  t.print(out);
}

void write_schedule_dot(std::ostream& out, const model::Scenario& sc, const engine::Network& net,
                        const engine::CpmSchedule& cpm, std::optional<std::uint32_t> project) {
  const std::uint32_t first = project ? net.project_begin[*project] : 0;
  const std::uint32_t last = project ? net.project_begin[*project + 1] : net.project_begin[net.fixed_projects];
  std::vector<engine::DotVertex> vertices;
  std::vector<engine::Edge> edges;
  for (std::uint32_t t = first; t < last; ++t) {
    const model::Step& s = step_of(sc, net, t);
    std::string label = (project ? "" : sc.projects[net.tasks[t].project].id + " ") + s.name;
    if (net.tasks[t].done_at_start) label += "\\n(done)";
    else label += "\\n" + day(net, report::start_day(cpm.early.start(t))) + " … " +
                  day(net, report::finish_day(cpm.early.start(t), cpm.early.finish(t))) + "\\nslack " +
                  fixed(cpm.total_slack[t], 1);
    vertices.push_back({label, cpm.critical[t] && !net.tasks[t].done_at_start});
    for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i) edges.emplace_back(t - first, net.succ[i] - first);
  }
  engine::write_dot(out, vertices, edges);
}

}  // namespace kpsim::output
