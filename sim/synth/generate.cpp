#include "sim/synth/generate.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/core/rng.hpp"

namespace kpsim::synth {
namespace {

// The quickstart's templates (four stages of the national reform), calendars
// and risks; agencies and land are sized by the generator.
constexpr const char* kTemplates = R"(templates:
  government-invested:
    name: 政府投资项目
    calendar: construction
    steps:
      - {id: proposal, name: 项目建议书批复, agency: ndrc, stage: 立项用地规划许可, duration: {pert: [5, 10, 20]}, limit: 10, after: []}
      - {id: site_selection, name: 用地预审与选址意见书, agency: nrp, stage: 立项用地规划许可, duration: {pert: [10, 15, 30]}, limit: 20}
      - {id: feasibility, name: 可行性研究报告批复, agency: ndrc, stage: 立项用地规划许可, duration: {pert: [10, 20, 40]}, limit: 20}
      - {id: eia, name: 环境影响评价审批, agency: eco, stage: 立项用地规划许可, duration: {pert: [15, 25, 50]}, limit: 30, after: [proposal],
         off_clock: [{name: 技术评估, duration: {pert: [10, 15, 30]}}]}
      - {id: land_planning, name: 建设用地规划许可证, agency: nrp, stage: 立项用地规划许可, duration: {triangular: [5, 10, 20]}, limit: 10, after: [feasibility]}
      - {id: land_allocation, name: 土地划拨, type: land, agency: land_bank, duration: {pert: [20, 30, 60]}}
      - {id: preliminary_design, name: 初步设计及概算批复, agency: ndrc, stage: 工程建设许可, duration: {pert: [10, 15, 30]}, limit: 20, after: [feasibility, eia]}
      - {id: planning_permit, name: 建设工程规划许可证, agency: nrp, stage: 工程建设许可, duration: {pert: [10, 15, 25]}, limit: 15, after: [preliminary_design, land_allocation]}
      - {id: drawing_review, name: 施工图审查, agency: housing, stage: 施工许可, duration: {pert: [10, 15, 30]}, limit: 15}
      - {id: construction_permit, name: 施工许可证, agency: housing, stage: 施工许可, duration: {pert: [3, 5, 10]}, limit: 7}
      - {id: foundation, name: 基础施工, type: construction, duration: {pert: [60, 90, 150]}, share: 0.20, milestone: 正负零}
      - {id: structure, name: 主体结构施工, type: construction, duration: {pert: [150, 210, 300]}, share: 0.45, milestone: 主体封顶}
      - {id: fit_out, name: 设备安装与装饰装修, type: construction, duration: {pert: [120, 180, 270]}, share: 0.35, milestone: 设备安装完成}
      - {id: acceptance, name: 竣工联合验收, agency: housing, stage: 竣工验收, duration: {pert: [10, 15, 30]}, limit: 15, milestone: 竣工}
  enterprise-invested:
    name: 企业投资项目
    calendar: construction
    steps:
      - {id: filing, name: 企业投资项目备案, agency: ndrc, stage: 立项用地规划许可, duration: 3, limit: 3, after: []}
      - {id: land_transfer, name: 土地招拍挂出让, type: land, agency: land_bank, stage: 立项用地规划许可, duration: {pert: [30, 45, 90]}}
      - {id: land_planning, name: 建设用地规划许可证, agency: nrp, stage: 立项用地规划许可, duration: {triangular: [3, 5, 10]}, limit: 5}
      - {id: eia, name: 环境影响评价审批, agency: eco, stage: 工程建设许可, duration: {pert: [15, 20, 40]}, limit: 30, after: [filing],
         off_clock: [{name: 技术评估, duration: {pert: [10, 15, 30]}}]}
      - {id: planning_permit, name: 建设工程规划许可证, agency: nrp, stage: 工程建设许可, duration: {pert: [10, 15, 25]}, limit: 15, after: [land_planning, eia]}
      - {id: drawing_review, name: 施工图审查, agency: housing, stage: 施工许可, duration: {pert: [10, 15, 30]}, limit: 15}
      - {id: construction_permit, name: 施工许可证, agency: housing, stage: 施工许可, duration: {pert: [3, 5, 10]}, limit: 7}
      - {id: foundation, name: 基础施工, type: construction, duration: {pert: [45, 75, 120]}, share: 0.25, milestone: 正负零}
      - {id: structure, name: 主体结构施工, type: construction, duration: {pert: [120, 180, 270]}, share: 0.45, milestone: 主体封顶}
      - {id: fit_out, name: 设备安装与装饰装修, type: construction, duration: {pert: [90, 150, 210]}, share: 0.30, milestone: 设备安装完成}
      - {id: acceptance, name: 竣工联合验收, agency: housing, stage: 竣工验收, duration: {pert: [10, 15, 30]}, limit: 15, milestone: 竣工}
  industrial:
    name: 工业项目（标准地）
    calendar: construction
    steps:
      - {id: filing, name: 企业投资项目备案, agency: ndrc, stage: 立项用地规划许可, duration: 2, limit: 3, after: []}
      - {id: land_transfer, name: 工业用地出让（标准地）, type: land, agency: land_bank, stage: 立项用地规划许可, duration: {pert: [20, 30, 60]}}
      - {id: eia, name: 环境影响评价审批, agency: eco, stage: 工程建设许可, duration: {pert: [10, 15, 30]}, limit: 20, after: [filing],
         off_clock: [{name: 技术评估, duration: {pert: [5, 10, 20]}}]}
      - {id: planning_permit, name: 建设工程规划许可证, agency: nrp, stage: 工程建设许可, duration: {pert: [5, 10, 20]}, limit: 10, after: [land_transfer, eia]}
      - {id: construction_permit, name: 施工许可证, agency: housing, stage: 施工许可, duration: {pert: [3, 5, 10]}, limit: 7}
      - {id: foundation, name: 厂房基础施工, type: construction, duration: {pert: [25, 40, 60]}, share: 0.15, milestone: 正负零}
      - {id: structure, name: 钢结构厂房, type: construction, duration: {pert: [60, 90, 120]}, share: 0.35, milestone: 主体封顶}
      - {id: equipment, name: 生产设备安装调试, type: construction, duration: {pert: [60, 90, 150]}, share: 0.50, milestone: 设备安装完成}
      - {id: acceptance, name: 竣工验收, agency: housing, stage: 竣工验收, duration: {pert: [5, 10, 20]}, limit: 15, milestone: 投产}
)";

constexpr const char* kRisks = R"(risks:
  - {id: relocation_dispute, name: 征迁纠纷, on: {type: land}, probability: 0.25, delay: {pert: [20, 40, 120]}}
  - {id: funding_gap, name: 资金不到位, on: {step: structure, kind: government}, probability: 0.15, pause_until: 2026-09-01}
  - {id: idle_site, name: 开而不动, on: {step: foundation}, probability: 0.10, stall: {uniform: [20, 60]}}
  - {id: eia_rework, name: 环评补正, on: {step: eia}, probability: 0.20, rework: true}
)";

const char* kEarlyTargets[] = {"2026-04-30", "2026-05-31", "2026-06-30"};
const char* kLateTargets[] = {"2026-09-30", "2026-10-31", "2026-11-30"};
const char* kDistricts[] = {"高新区", "经开区", "滨河区", "新区", "老城区", "南山区"};

struct Kind {
  const char* id;
  const char* template_id;
  // Steps done when the approvals are advanced (新开工).
  const char* advanced;
};
const Kind kKinds[] = {{"government", "government-invested", "planning_permit"},
                       {"enterprise", "enterprise-invested", "land_planning;eia"},
                       {"industrial", "industrial", "land_transfer;eia"}};

std::string fixed2(double x) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(2);
  s << x;
  return s.str();
}

}  // namespace

GeneratedFiles generate_portfolio(std::uint32_t projects, std::uint64_t seed, const std::string& csv_name) {
  GeneratedFiles out;
  core::RngStream rng = core::RngStream::keyed(seed, 0, core::hash_name("generate"), 0, core::Purpose::arrival);
  std::ostringstream csv;
  csv << "id,name,template,class,kind,district,investment,land_mu,ready,start_target,progress,done\n";
  double land = 0;
  std::uint32_t preparing = 0;
  for (std::uint32_t p = 0; p < projects; ++p) {
    const double u = rng.uniform();
    const Kind& kind = kKinds[u < 0.4 ? 0 : u < 0.7 ? 1 : 2];
    const bool key = rng.uniform() < 0.3;
    // Investment: lognormal, median 3 亿元, key projects four times larger.
    const double z = std::sqrt(-2 * std::log(rng.uniform())) * std::cos(6.283185307179586 * rng.uniform());
    const double investment = std::exp(std::log(key ? 12.0 : 3.0) + 0.8 * z);
    const double mu = std::round(20 + 200 * rng.uniform());
    const double state = rng.uniform();
    std::string ready, target, progress, done;
    if (state < 0.33) {
      progress = fixed2(0.1 + 0.7 * rng.uniform());
    } else if (state < 0.53) {
      done = kind.advanced;
      target = kEarlyTargets[static_cast<int>(3 * rng.uniform())];
    } else {
      ++preparing;
      land += mu;
      if (rng.uniform() < 0.2) ready = "2026-" + std::string(rng.uniform() < 0.5 ? "03" : "06") + "-01";
      target = kLateTargets[static_cast<int>(3 * rng.uniform())];
    }
    const std::string id = "P" + std::to_string(p + 1);
    csv << id << ",项目" << p + 1 << "," << kind.template_id << "," << (key ? "key" : "normal") << "," << kind.id << ","
        << kDistricts[p % 6] << "," << fixed2(investment) << "," << mu << "," << ready << "," << target << "," << progress
        << "," << done << "\n";
  }
  out.projects_csv = csv.str();
  // Reviewers in proportion to the projects still in preparation and the
  // review days each needs at the agency, for 60–80% utilisation: queues form
  // in the busy months. The land quota covers 70% of the need.
  auto reviewers = [&](double projects_per_reviewer) {
    return std::max(1, static_cast<int>(std::lround(preparing / projects_per_reviewer)));
  };
  std::ostringstream y;
  y << "# A synthetic portfolio for scale tests (kpsim generate --projects " << projects << " --seed " << seed << ").\n"
    << "kpsim: 1\nname: generated-" << projects << "\nstart: 2026-01-01\nend: 2026-12-31\nseed: " << seed
    << "\nreplications: 100\n\n"
    << "calendars:\n  approval: {week: [mon, tue, wed, thu, fri]}\n"
    << "  construction:\n    week: all\n    stops:\n      - {name: 冬季停工, from: 11-15, to: 03-15}\n\n"
    << "agencies:\n"
    << "  ndrc:      {name: 发展和改革委员会, capacity: " << reviewers(8) << ", calendar: approval, discipline: key_first}\n"
    << "  nrp:       {name: 自然资源和规划局, capacity: " << reviewers(6) << ", calendar: approval, discipline: key_first}\n"
    << "  eco:       {name: 生态环境局, capacity: " << reviewers(8) << ", calendar: approval}\n"
    << "  housing:   {name: 住房和城乡建设局, capacity: " << reviewers(5) << ", calendar: approval}\n"
    << "  land_bank: {name: 土地储备中心, capacity: " << reviewers(7) << ", calendar: approval}\n\n"
    << "land:\n  pools:\n    quota:\n      discipline: key_first\n      releases:\n"
    << "        - {date: 2026-01-01, mu: " << std::round(0.42 * land) << "}\n"
    << "        - {date: 2026-07-01, mu: " << std::round(0.28 * land) << "}\n\n"
    << kTemplates << "\nprojects_csv:\n  file: " << csv_name << "\n\n" << kRisks;
  out.scenario_yaml = y.str();
  return out;
}

GeneratedFiles generate_reference_model(std::uint32_t projects, const std::string& csv_name) {
  GeneratedFiles out;
  std::ostringstream csv;
  csv << "id,name,template,investment\n";
  for (std::uint32_t p = 0; p < projects; ++p) csv << "p" << p << ",p" << p << ",rm,1\n";
  out.projects_csv = csv.str();
  std::ostringstream y;
  y << "# The reference approval-pipeline model RM-AP v1, variant B (../shared/reference-model/):\n"
    << "# " << projects << " projects, 8 steps at 5 agencies of 4 FIFO servers, exponential service\n"
    << "# (mean 10 days), then 200 days of construction; every day a working day.\n"
    << "# kpsim draws its own durations; tests/engine/reference_model_test.cpp replays the\n"
    << "# reference's draws and reproduces its completion times bit for bit.\n"
    << "kpsim: 1\nname: rm-ap-" << projects << "\nstart: 2026-01-01\nend: 2026-12-31\nseed: 12345\nreplications: 1\n\n"
    << "calendars:\n  days: {week: all}\n\nagencies:\n";
  for (int a = 0; a < 5; ++a) y << "  a" << a << ": {capacity: 4, calendar: days}\n";
  y << "\ntemplates:\n  rm:\n    calendar: days\n    steps:\n";
  for (int k = 0; k < 8; ++k)
    y << "      - {id: s" << k << ", agency: a" << k % 5 << ", duration: {exponential: {mean: 10}}" << (k == 0 ? ", after: []" : "") << "}\n";
  y << "      - {id: construction, type: construction, duration: 200, share: 1}\n\nprojects_csv:\n  file: " << csv_name << "\n";
  out.scenario_yaml = y.str();
  return out;
}

}  // namespace kpsim::synth
