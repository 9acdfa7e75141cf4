#include "sim/engine/compile.hpp"

#include <gtest/gtest.h>

#include "sim/engine/cpm.hpp"
#include "support/scenario_builder.hpp"

namespace kpsim::engine {
namespace {

using test::StepDef;

// approve(10) → c1(10, share .2) → c2(20, .4) → c3(20, .4)
model::Scenario building(double progress) {
  model::Scenario s = test::base_scenario();
  s.templates.push_back(test::make_template(
      "b", {{"approve", 10, {}}, {"c1", 10, {"approve"}, 0.2}, {"c2", 20, {"c1"}, 0.4}, {"c3", 20, {"c2"}, 0.4}}));
  s.projects.push_back(test::make_project("P", "b", 100));
  s.projects[0].state.progress = progress;
  return s;
}

// The one located error compile reports for s, as printed ("" and a
// failure if it compiles or reports more than one).
std::string only_compile_error(const model::Scenario& s) {
  try {
    compile(s);
  } catch (const model::InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u);
    return e.diagnostics().size() == 1 ? e.diagnostics()[0].format() : "";
  }
  ADD_FAILURE() << "expected an InputError";
  return "";
}

TEST(Compile, EveryEdgeGoesForwardInTaskOrder) {
  const Network net = compile(building(0));
  for (std::uint32_t t = 0; t < net.task_count(); ++t)
    for (std::uint32_t i = net.succ_begin[t]; i < net.succ_begin[t + 1]; ++i) EXPECT_LT(t, net.succ[i]);
}

// a → b → c, and d after both b and c: only a → b and b → c are chain
// links (the next task, waiting for nothing else).
TEST(Compile, OnlyALinkToTheNextTaskAndItsOnlyPredecessorIsAChainLink) {
  model::Scenario s = test::base_scenario();
  s.templates.push_back(test::make_template("t", {{"a", 1, {}}, {"b", 1, {"a"}}, {"c", 1, {"b"}}, {"d", 1, {"b", "c"}}}));
  s.projects.push_back(test::make_project("P", "t", 10));
  const Network net = compile(s);
  ASSERT_EQ(net.task_count(), 4u);
  EXPECT_TRUE(net.hot[0].flags & TaskHot::kChainsToNext);
  EXPECT_FALSE(net.hot[1].flags & TaskHot::kChainsToNext);  // two successors
  EXPECT_FALSE(net.hot[2].flags & TaskHot::kChainsToNext);  // d waits for b too
  EXPECT_FALSE(net.hot[3].flags & TaskHot::kChainsToNext);  // none
  EXPECT_EQ(net.pred_count[3], 2u);
}

TEST(Compile, AProjectFortyPercentBuiltKeepsOnlyWhatRemains) {
  const Network net = compile(building(0.4));
  // c1 (0.2) is done, c2 is half done (0.2 of its 0.4), c3 untouched; the
  // approval it depended on is done too.
  EXPECT_TRUE(net.tasks[0].done_at_start);
  EXPECT_TRUE(net.tasks[1].done_at_start);
  EXPECT_DOUBLE_EQ(net.remaining[2], 0.5);
  EXPECT_DOUBLE_EQ(net.remaining[3], 1.0);
  EXPECT_TRUE(net.hot[2].flags & TaskHot::kPartlyDone);  // the engine scales its work by the share left
  EXPECT_FALSE(net.hot[3].flags & TaskHot::kPartlyDone);
  EXPECT_TRUE(net.project_under_construction[0]);
  // 60 of 100 remain, split by remaining share: c2 0.2, c3 0.4.
  EXPECT_DOUBLE_EQ(net.spend[2], 20.0);
  EXPECT_DOUBLE_EQ(net.spend[3], 40.0);
  const CpmSchedule cpm = schedule_cpm(net);
  EXPECT_DOUBLE_EQ(cpm.early.start(2), 0.0);
  EXPECT_DOUBLE_EQ(cpm.early.finish(2), 10.0);  // half of 20 days left
  EXPECT_DOUBLE_EQ(cpm.early.finish(3), 30.0);
}

TEST(Compile, CompletedInvestmentSetsWhatIsLeftToSpend) {
  model::Scenario s = building(0.4);
  s.projects[0].state.completed_investment = 55.0;  // land and design costs came first
  const Network net = compile(s);
  EXPECT_NEAR(net.spend[2] + net.spend[3], 45.0, 1e-12);
  EXPECT_NEAR(net.spend[3] / net.spend[2], 2.0, 1e-12);
}

TEST(Compile, ADoneStepImpliesEverythingBeforeIt) {
  model::Scenario s = building(0);
  s.projects[0].state.done = {"c1"};
  const Network net = compile(s);
  EXPECT_TRUE(net.tasks[0].done_at_start);
  EXPECT_TRUE(net.tasks[1].done_at_start);
  EXPECT_FALSE(net.tasks[2].done_at_start);
}

TEST(Compile, CycleInATemplateIsALocatedErrorNamingItsSteps) {
  model::Scenario s = test::base_scenario();
  s.templates.push_back(test::make_template("loop", {{"a", 1, {}}, {"b", 1, {"a", "d"}}, {"c", 1, {"b"}},
                                                     {"d", 1, {"c"}, 1.0}}));
  s.templates[0].steps[1].loc = {"s.yaml", 12, 9, "templates.loop.steps[1]"};
  s.projects.push_back(test::make_project("P", "loop", 1));
  EXPECT_EQ(only_compile_error(s),
            "s.yaml:12:9: templates.loop.steps[1]: template 'loop': steps depend on each other in a cycle: "
            "b → c → d → b [E-GRAPH-001]");
}

// The records count a template's steps, a step's needs and the risks on
// one task in 16 bits: past that, a located error rather than a count that
// wraps.
TEST(Compile, ATemplateOfMoreStepsThanTheRecordsCountIsALocatedError) {
  model::Scenario s = test::base_scenario();
  std::vector<StepDef> defs;
  for (std::uint32_t k = 0; k <= kMaxTemplateSteps; ++k) defs.push_back({"s" + std::to_string(k), 1, {}, k == 0 ? 1.0 : 0.0});
  s.templates.push_back(test::make_template("huge", defs));
  s.templates[0].loc = {"s.yaml", 3, 5, "templates.huge"};
  s.projects.push_back(test::make_project("P", "huge", 1));
  EXPECT_EQ(only_compile_error(s),
            "s.yaml:3:5: templates.huge: template 'huge' has 65536 steps, more than the 65535 a template may hold [E-GRAPH-003]");
}

TEST(Compile, AStepNeedingMoreResourcesThanTheRecordsCountIsALocatedError) {
  model::Scenario s = building(0);
  model::Step& approve = s.templates[0].steps[0];
  approve.loc = {"s.yaml", 8, 9, "templates.b.steps[0]"};
  approve.needs.clear();
  for (std::uint32_t k = 0; k <= kMaxNeeds; ++k) {
    s.agencies.push_back({"a" + std::to_string(k), "", 1, "office", model::Discipline::fifo, {}});
    approve.needs.push_back({s.agencies.back().id, 1});
  }
  EXPECT_EQ(only_compile_error(s),
            "s.yaml:8:9: templates.b.steps[0]: template 'b': step 'approve' needs 65536 resources, more than the 65535 a "
            "step may hold [E-GRAPH-004]");
}

TEST(Compile, MoreRisksOnOneStepThanTheRecordsCountIsALocatedError) {
  model::Scenario s = building(0);
  model::Risk r;
  r.probability = 0.1;
  r.amount = core::Distribution::fixed(1);
  for (std::uint32_t k = 0; k <= kMaxRisksPerTask; ++k) {
    r.id = "r" + std::to_string(k);
    r.loc = {"s.yaml", static_cast<int>(10 + k), 7, "risks[" + std::to_string(k) + "]"};
    s.risks.push_back(r);
  }
  EXPECT_EQ(only_compile_error(s),
            "s.yaml:65545:7: risks[65535]: risk 'r65535' is the 65536th that may strike step 'approve' of project 'P', "
            "more than the 65535 a step may have [E-GRAPH-005]");
  s.risks.pop_back();  // at the limit it compiles
  EXPECT_EQ(compile(s).hot[0].risk_count, kMaxRisksPerTask);
}

}  // namespace
}  // namespace kpsim::engine
