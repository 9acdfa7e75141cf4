#include "sim/calibrate/calibrated_forecast.hpp"

#include <map>

#include "sim/core/rng.hpp"
#include "sim/report/reducer.hpp"
#include "sim/run/parallel_for.hpp"
#include "sim/run/runner.hpp"

namespace kpsim::calibrate {
namespace {

// Replications held at once before they are reduced.
constexpr std::size_t kChunkReplications = 256;

struct Draw {
  const sweep::PreparedVariant* variant;
  const Observables* observables;
  std::uint32_t first, count;  // its replications
};

class MixtureSink : public run::UnitSink {
 public:
  MixtureSink(const std::vector<Draw>& draws, std::uint32_t first, std::vector<report::ReplicationSummary>& summaries,
              Eigen::MatrixXd& figures)
      : draws_(draws), first_(first), summaries_(summaries), figures_(figures) {}

  void replication(const run::Unit& u, std::uint32_t k, const engine::Replication& rep) override {
    const Draw& d = draws_[u.network];
    const std::uint32_t r = u.first + k;
    report::ReplicationSummary& s = summaries_[r - first_];
    report::summarise(d.variant->net, d.variant->basis, rep, s, d.observables->needs_project_months());
    std::vector<double> row(d.observables->size());
    d.observables->measure(s.forecast, s.approval.from_entry, row);
    for (std::size_t j = 0; j < row.size(); ++j) figures_(r, static_cast<Eigen::Index>(j)) = row[j];
  }

 private:
  const std::vector<Draw>& draws_;
  std::uint32_t first_;
  std::vector<report::ReplicationSummary>& summaries_;
  Eigen::MatrixXd& figures_;
};

}  // namespace

CalibratedForecast calibrated_forecast(const PreparedCalibration& c, const Posterior& post, int threads,
                                       run::Control* control) {
  const model::CalibrationSpec& s = c.spec;
  CalibratedForecast out;
  core::RngStream rng = core::RngStream::keyed(s.seed, 0, 4, 0, core::Purpose::calibration);
  out.draws = systematic_resample(post.weights, static_cast<std::size_t>(s.forecast_draws), rng.uniform());

  std::vector<model::Observation> all = c.fitted;
  all.insert(all.end(), c.held_out.begin(), c.held_out.end());
  // Each particle drawn is prepared once, however often it is drawn.
  std::map<std::size_t, std::size_t> slot_of;
  std::vector<std::size_t> unique;
  for (std::size_t p : out.draws)
    if (slot_of.emplace(p, unique.size()).second) unique.push_back(p);
  std::vector<std::optional<sweep::PreparedVariant>> prepared(unique.size());
  std::vector<std::unique_ptr<Observables>> observables(unique.size());
  run::parallel_for(unique.size(), threads, [&](std::size_t i) {
    prepared[i].emplace(c.slots.prepare(post.particles[unique[i]].z));
    model::Diagnostics ignored;  // checked on the scenario as written
    observables[i] = std::make_unique<Observables>(all, prepared[i]->scenario, prepared[i]->net, prepared[i]->basis, ignored);
  });

  const auto reps = static_cast<std::uint32_t>(s.forecast_replications);
  run::add_total(control, reps);
  const auto m = static_cast<std::uint32_t>(out.draws.size());
  std::vector<Draw> draws;
  for (std::uint32_t k = 0, first = 0; k < m; ++k) {
    const std::uint32_t count = reps / m + (k < reps % m ? 1 : 0);
    const std::size_t slot = slot_of[out.draws[k]];
    draws.push_back({&*prepared[slot], observables[slot].get(), first, count});
    first += count;
  }
  out.figures.resize(reps, static_cast<Eigen::Index>(all.size()));
  report::ForecastReducer reducer(c.base.scenario, c.base.net);
  for (std::size_t begin = 0; begin < draws.size();) {
    // A chunk of whole draws, about kChunkReplications replications.
    std::size_t end = begin;
    std::uint32_t count = 0;
    while (end < draws.size() && (end == begin || count + draws[end].count <= kChunkReplications)) count += draws[end++].count;
    std::vector<report::ReplicationSummary> summaries(count);
    std::vector<const engine::Network*> networks;
    std::vector<run::Unit> units;
    std::vector<Draw> chunk(draws.begin() + static_cast<std::ptrdiff_t>(begin), draws.begin() + static_cast<std::ptrdiff_t>(end));
    for (std::size_t k = 0; k < chunk.size(); ++k) {
      networks.push_back(&chunk[k].variant->net);
      if (chunk[k].count) units.push_back({static_cast<std::uint32_t>(k), chunk[k].first, chunk[k].count});
    }
    MixtureSink sink(chunk, chunk.front().first, summaries, out.figures);
    run::Runner runner({threads, s.seed, {}, control});
    runner.run(networks, units, sink);
    for (const report::ReplicationSummary& r : summaries) reducer.add(r);
    begin = end;
  }
  out.mc = reducer.finish(report::make_periods(c.base.net.origin, c.base.net.horizon_days));
  out.mc.blocks = 1;
  return out;
}

}  // namespace kpsim::calibrate
