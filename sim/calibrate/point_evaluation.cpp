#include "sim/calibrate/point_evaluation.hpp"

#include <cmath>

#include "sim/core/decimal.hpp"
#include "sim/report/replication_summary.hpp"
#include "sim/run/parallel_for.hpp"
#include "sim/run/runner.hpp"

namespace kpsim::calibrate {
namespace {

// Each point's replications write their row of the point's matrix.
class PointSink : public run::UnitSink {
 public:
  PointSink(const std::vector<sweep::PreparedVariant*>& variants, const std::vector<const Observables*>& observables,
            std::vector<Eigen::MatrixXd*>& out, const std::function<void()>& done)
      : variants_(variants), observables_(observables), out_(out), done_(done) {}

  void replication(const run::Unit& u, std::uint32_t k, const engine::Replication& rep) override {
    const sweep::PreparedVariant& v = *variants_[u.network];
    const Observables& obs = *observables_[u.network];
    const report::Forecast f = report::make_forecast(v.net, rep.trace, rep.calendars, rep.project_scale, &v.basis,
                                                     {rep.seed, rep.replication, rep.deterministic},
                                                     obs.needs_project_months());
    report::ApprovalDays days;
    report::approval_days(v.net, rep, days);
    Eigen::MatrixXd& m = *out_[u.network];
    std::vector<double> row(obs.size());
    obs.measure(f, days.from_entry, row);
    for (std::size_t j = 0; j < row.size(); ++j) m(k, static_cast<Eigen::Index>(j)) = row[j];
  }
  void unit_done(const run::Unit&) override {
    if (done_) done_();
  }

 private:
  const std::vector<sweep::PreparedVariant*>& variants_;
  const std::vector<const Observables*>& observables_;
  std::vector<Eigen::MatrixXd*>& out_;
  const std::function<void()>& done_;
};

}  // namespace

std::string ParameterSlots::text(std::size_t p, double z) const {
  const double x = priors[p].value(z);
  if (priors[p].integer()) return std::to_string(static_cast<long long>(std::llround(x)));
  return core::shortest(x);
}

sweep::PreparedVariant ParameterSlots::prepare(const std::vector<double>& z) const {
  sweep::ScenarioEdits::Edits e;
  for (std::size_t p = 0; p < targets.size(); ++p) e.emplace_back(&targets[p], text(p, z[p]));
  return edits->prepare(e);
}

std::vector<Eigen::MatrixXd> run_points(const ParameterSlots& slots, const std::vector<std::vector<double>>& points,
                                        const std::vector<model::Observation>& observations, const PointRuns& runs,
                                        const std::function<void()>& done) {
  std::vector<Eigen::MatrixXd> out(points.size());
  const int threads = std::max(1, runs.threads);
  const std::size_t chunk = static_cast<std::size_t>(std::max(8, 4 * threads));
  for (std::size_t begin = 0; begin < points.size(); begin += chunk) {
    run::check_stop(runs.control);
    const std::size_t n = std::min(chunk, points.size() - begin);
    std::vector<std::optional<sweep::PreparedVariant>> prepared(n);
    std::vector<std::unique_ptr<Observables>> observables(n);
    run::parallel_for(n, threads, [&](std::size_t i) {
      try {
        prepared[i].emplace(slots.prepare(points[begin + i]));
        model::Diagnostics ignored;  // checked on the scenario as written
        observables[i] = std::make_unique<Observables>(observations, prepared[i]->scenario, prepared[i]->net,
                                                       prepared[i]->basis, ignored);
      } catch (const model::InputError&) {
        prepared[i].reset();  // not a valid scenario: no likelihood
      }
    });
    std::vector<sweep::PreparedVariant*> variants;
    std::vector<const Observables*> obs;
    std::vector<const engine::Network*> networks;
    std::vector<Eigen::MatrixXd*> matrices;
    std::vector<run::Unit> units;
    for (std::size_t i = 0; i < n; ++i) {
      if (!prepared[i]) {
        if (runs.control) runs.control->done.fetch_add(static_cast<std::uint64_t>(runs.replications));
        if (done) done();
        continue;
      }
      out[begin + i].resize(runs.replications, static_cast<Eigen::Index>(observations.size()));
      units.push_back({static_cast<std::uint32_t>(variants.size()), runs.first_replication,
                       static_cast<std::uint32_t>(runs.replications)});
      variants.push_back(&*prepared[i]);
      obs.push_back(observables[i].get());
      networks.push_back(&prepared[i]->net);
      matrices.push_back(&out[begin + i]);
    }
    PointSink sink(variants, obs, matrices, done);
    // A runner per chunk: its simulators belong to this chunk's networks.
    run::Runner runner({threads, runs.seed, {}, runs.control});
    runner.run(networks, units, sink);
  }
  return out;
}

}  // namespace kpsim::calibrate
