#pragma once
// For unit tests: a complete, valid report to start from.
#include <optional>
#include <string>
#include <utility>

#include "domain/reports/report.hpp"

namespace meldpunt {

inline NewReport TestReport(std::string description, std::string incident = "GM0363",
                            std::string residence = "unknown", std::string key = "",
                            std::optional<Contact> contact = std::nullopt) {
  NewReport report;
  report.reporter_role = "victim";
  report.description = std::move(description);
  report.nature = "hostile_treatment";
  report.grounds = {"origin", "religion.anti_muslim"};
  report.domain = "public_space";
  report.incident_date = {*ParseIsoDate("2026-01-02"), DatePrecision::kDay};
  report.incident_municipality = std::move(incident);
  report.residence_municipality = std::move(residence);
  report.scope = "incident";
  report.anonymous = !contact.has_value();
  report.contact = std::move(contact);
  report.wishes = {report.anonymous ? "registration_only" : "advice"};
  report.code_list_version = "2025.1";
  report.submission_key = std::move(key);
  return report;
}

}  // namespace meldpunt
