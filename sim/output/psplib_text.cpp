#include "sim/output/psplib_text.hpp"

#include "sim/output/atomic_file.hpp"
#include "sim/output/csv_writer.hpp"
#include "sim/output/text_table.hpp"

namespace kpsim::output {

void print_psplib_study(std::ostream& out, const run::PsplibStudy& study, const std::string& source, bool folder) {
  using A = TextTable::Align;
  if (!folder) {
    const run::InstanceResult& r = study.instances.front();
    out << r.name << ": " << r.jobs << " jobs, critical path " << r.critical_path;
    if (r.bound.optimum) out << ", optimum " << *r.bound.optimum;
    else if (r.bound.best_known) out << ", best known " << *r.bound.best_known;
    out << "\n";
    TextTable t({{"rule", A::left}, {"makespan", A::right}});
    for (std::size_t k = 0; k < study.rules.size(); ++k)
      t.add_row({std::string(engine::rule_name(study.rules[k])), std::to_string(r.makespan[k])});
    t.print(out);
    return;
  }
  out << study.instances.size() << " instances from " << source << ", parallel schedule generation, "
      << fixed(study.seconds, 2) << " s for all rules\n";
  TextTable t({{"rule", A::left}, {"vs optimum: mean %", A::right}, {"max %", A::right}, {"optimal", A::right},
               {"vs best known: mean %", A::right}, {"max %", A::right}, {"vs critical path: mean %", A::right},
               {"max %", A::right}});
  for (const run::RuleStats& s : study.stats) {
    auto pct = [](double x, std::size_t n) { return n ? fixed(x, 2) : std::string(); };
    t.add_row({s.rule, pct(s.mean_dev_optimum, s.against_optimum), pct(s.max_dev_optimum, s.against_optimum),
               s.against_optimum ? std::to_string(s.optimal) + "/" + std::to_string(s.against_optimum) : "",
               pct(s.mean_dev_best_known, s.against_best_known), pct(s.max_dev_best_known, s.against_best_known),
               fixed(s.mean_dev_cpm, 2), fixed(s.max_dev_cpm, 2)});
  }
  t.print(out);
}

void write_psplib_csv(const std::filesystem::path& path, const run::PsplibStudy& study) {
  AtomicFile f(path);
  write_csv_row(f.out(), {"instance", "jobs", "rule", "makespan", "critical_path", "optimum", "best_known"});
  for (const auto& r : study.instances)
    for (std::size_t k = 0; k < study.rules.size(); ++k)
      write_csv_row(f.out(), {csv_text(r.name), std::to_string(r.jobs), std::string(engine::rule_name(study.rules[k])),
                              std::to_string(r.makespan[k]), std::to_string(r.critical_path),
                              r.bound.optimum ? std::to_string(*r.bound.optimum) : "",
                              r.bound.best_known ? std::to_string(*r.bound.best_known) : ""});
  f.commit();
}

}  // namespace kpsim::output
