//! Rule identifiers: the index from a date to the law that made it.
//!
//! Every rule of the crate's catalogue has a stable identifier (`T-FINAL-20W`,
//! `ASC-TERM-CAP`, …). [`RuleId`] carries it through the crate: each
//! [`Deadline`](crate::Deadline) names its rule, each error and warning of the
//! pathway names the rule it enforces, and [`RuleId::source`] gives the legal or
//! local source in words a caseworker can look up.
//!
//! The table lives here, once; the code that implements a rule cites the ID in
//! its doc comment and the test that proves it names the ID too.
//!
//! ```
//! use send_pathway::RuleId;
//!
//! let rule: RuleId = "T-FINAL-20W".parse()?;
//! assert_eq!(rule.source(), "SEND Regulations 2014 reg 13(2)");
//! assert!(rule.is_statutory());
//! // Every rule of one family, e.g. the Additional Support Contract rules:
//! let asc: Vec<&str> = RuleId::ALL.iter().map(|r| r.code()).filter(|c| c.starts_with("ASC-")).collect();
//! assert!(asc.contains(&"ASC-TERM-CAP"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::error::Error;

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal, $source:literal, $summary:literal; )*) => {
        /// A rule of the English SEND pathway, as catalogued in [`RuleId::ALL`].
        ///
        /// Serialised as its code (`"T-FINAL-20W"`), so stored records stay readable.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $code, "` — ", $summary, " (`", $source, "`).")]
                $(#[$doc])*
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule in the catalogue, in catalogue order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable identifier, e.g. `"T-FINAL-20W"`.
            pub const fn code(self) -> &'static str {
                match self { $(RuleId::$variant => $code,)* }
            }

            /// The legal or local source, e.g. `"SEND Regulations 2014 reg 13(2)"`.
            pub const fn source(self) -> &'static str {
                match self { $(RuleId::$variant => $source,)* }
            }

            /// One line saying what the rule requires.
            pub const fn summary(self) -> &'static str {
                match self { $(RuleId::$variant => $summary,)* }
            }
        }

        /// A rule ID by its code, exactly as catalogued (`"T-FINAL-20W"`).
        ///
        /// ```
        /// use send_pathway::RuleId;
        /// let rule: RuleId = "T-FINAL-20W".parse()?;
        /// assert_eq!(rule, RuleId::TFinal20w);
        /// assert!("t-final-20w".parse::<RuleId>().is_err()); // codes are exact
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        ///
        /// # Errors
        ///
        /// [`Error::UnknownRule`] when no rule has that code.
        impl FromStr for RuleId {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($code => Ok(RuleId::$variant),)*
                    other => Err(Error::UnknownRule(other.to_owned())),
                }
            }
        }
    };
}

rules! {
    // 3.1 Request and decision to assess
    ReqWho => "REQ-WHO", "Children and Families Act 2014 s36(1); SEND Code of Practice 9.8",
        "only a parent, a young person or a school/post-16 institution may request an EHC needs assessment";
    ReqAttention => "REQ-ATTENTION", "Children and Families Act 2014 s24; SEND Regulations 2014 regs 5(1)(b), 13(2)",
        "anyone else brings a child to the council's attention; clocks run from when the council becomes responsible";
    Req6mPrior => "REQ-6M-PRIOR", "Children and Families Act 2014 s36(6)-(7)",
        "assessed in the previous 6 months: no s36(7) notice, but the council still decides and notifies";
    TConsiderNotify => "T-CONSIDER-NOTIFY", "SEND Regulations 2014 reg 4(2)",
        "when considering an assessment, notify health, social care and the head teacher or early-years SEN lead";
    TDecide6w => "T-DECIDE-6W", "SEND Regulations 2014 regs 4(1), 5(1)",
        "decision whether to assess notified within 6 weeks of the request";
    NoticeAppealContent => "NOTICE-APPEAL-CONTENT", "SEND Regulations 2014 regs 5(3), 10(3), 31(3), 32",
        "every refusal states the right of appeal, time limits, mediation, disagreement resolution and IAS services";
    SopInsufficientDecline => "SOP-INSUFFICIENT-DECLINE", "Sutton joint working protocol (local)",
        "panel declines to assess on insufficient information, decided by week 6";
    // 3.2 Assessment and advice
    AdvTypes8 => "ADV-TYPES-8", "SEND Regulations 2014 reg 6(1)",
        "seek the eight kinds of advice (a)-(h)";
    AdvHiVi => "ADV-HI-VI", "SEND Regulations 2014 reg 6(2)-(3)",
        "hearing or visually impaired child: educational advice involves a qualified teacher of such pupils";
    AdvPfaY9 => "ADV-PFA-Y9", "SEND Regulations 2014 reg 6(1)(g)",
        "from Year 9, advice on preparing for adulthood and independent living";
    AdvSufficient3Party => "ADV-SUFFICIENT-3PARTY", "SEND Regulations 2014 reg 6(4); SEND Code of Practice 9.46-9.47",
        "existing advice is reused only when the council, the author and the parent or young person all agree, item by item";
    TAdvice6w => "T-ADVICE-6W", "SEND Regulations 2014 reg 8(1); SEND Code of Practice 9.40",
        "advice supplied within 6 weeks of the adviser receiving the request";
    SopAdviceTrack6w => "SOP-ADVICE-TRACK-6W", "Sutton joint working protocol (local)",
        "every advice request tracked against its issue date plus 6 weeks";
    // 3.3 Decision to issue, draft, final
    TNotIssue16w => "T-NOTISSUE-16W", "SEND Regulations 2014 reg 10(1)",
        "decision not to issue a plan notified within 16 weeks of the request";
    TIssueDecision16w => "T-ISSUE-DECISION-16W", "Sutton joint working protocol (local practice)",
        "decision to issue also taken by week 16 (local, not statutory)";
    TDraft14w => "T-DRAFT-14W", "IPSEA guidance (target, not law)",
        "draft plan by week 14 so representations and consultation fit in 20 weeks";
    DraftNoSchool => "DRAFT-NO-SCHOOL", "Children and Families Act 2014 s38(4)-(5)",
        "the draft plan names no school or type of school";
    TDraftReps15d => "T-DRAFT-REPS-15D", "SEND Regulations 2014 reg 13(1); SEND Code of Practice 9.77",
        "at least 15 days, beginning with the day the draft is served, for representations";
    TSchoolConsult15d => "T-SCHOOL-CONSULT-15D", "SEND Code of Practice 9.83",
        "a consulted school or college should reply within 15 days";
    FinalRepsOnly => "FINAL-REPS-ONLY", "SEND Code of Practice 9.125",
        "the final plan differs from the draft only through representations and placement";
    TFinal20w => "T-FINAL-20W", "SEND Regulations 2014 reg 13(2)",
        "final EHC plan issued within 20 weeks of the request";
    // 3.4 Reviews, phase transfer, amendments
    TReview12m => "T-REVIEW-12M", "Children and Families Act 2014 s44(1); SEND Code of Practice 9.166",
        "plan reviewed within the 12 months starting with the date it was made or last reviewed";
    TReviewUnder5 => "T-REVIEW-UNDER5", "SEND Code of Practice 9.178",
        "under 5: consider reviewing every 3 to 6 months";
    ReviewConduct => "REVIEW-CONDUCT", "SEND Regulations 2014 reg 19",
        "the review consults the child, parent or young person and school and considers progress towards outcomes";
    ReviewInvitees => "REVIEW-INVITEES", "SEND Regulations 2014 regs 20(2), 21(2)",
        "the review meeting invites parent or young person, school, SEN officer, health and social care";
    TReviewInvite2w => "T-REVIEW-INVITE-2W", "SEND Regulations 2014 regs 20(3), 21(3)",
        "at least two weeks' notice of the review meeting";
    TReviewAdvice2w => "T-REVIEW-ADVICE-2W", "SEND Regulations 2014 regs 20(4), 21(4)",
        "advice gathered and circulated at least two weeks before the review meeting";
    ReviewPfaY9 => "REVIEW-PFA-Y9", "SEND Regulations 2014 regs 20, 21(6)",
        "from Year 9 the review considers preparing for adulthood";
    TReviewReport2w => "T-REVIEW-REPORT-2W", "SEND Regulations 2014 regs 20, 21(7)",
        "review report sent within 2 weeks of the meeting";
    TReviewDecision4w => "T-REVIEW-DECISION-4W", "SEND Regulations 2014 regs 20-21",
        "decision to keep, amend or cease notified within 4 weeks of the review meeting";
    ReviewSpecialYears => "REVIEW-SPECIAL-YEARS", "Salford walkthrough (local)",
        "Years 5, 6, 9, 11 and 13 reviews carry transition duties";
    ReviewEarly => "REVIEW-EARLY", "SEND Code of Practice 9.166-9.185",
        "early review on significant change";
    TPhase15Feb => "T-PHASE-15FEB", "SEND Regulations 2014 reg 18(1)(b); SEND Code of Practice 9.179",
        "phase transfer: plan reviewed and amended before 15 February of the year of transfer";
    TPhase31Mar => "T-PHASE-31MAR", "SEND Regulations 2014 reg 18(1)(a)",
        "secondary to post-16: plan reviewed and amended before 31 March of the year of transfer";
    TPhasePost16_5m => "T-PHASE-POST16-5M", "SEND Regulations 2014 reg 18(2)",
        "post-16 to post-16 at another time: at least 5 months before the transfer";
    TAmendNotice4w => "T-AMEND-NOTICE-4W", "R (L) v Devon CC [2022] EWHC 493 (Admin)",
        "amendment notice sent within the 4-week review decision period";
    TAmendReps15d => "T-AMEND-REPS-15D", "SEND Regulations 2014 reg 22(2)",
        "at least 15 days, beginning with the day the amendment notice is served, for representations";
    TAmendFinal8w => "T-AMEND-FINAL-8W", "SEND Regulations 2014 reg 22(3)",
        "final amended plan issued within 8 weeks of the amendment notice";
    TAmendNot8w => "T-AMEND-NOT-8W", "SEND Regulations 2014 reg 22(4)",
        "decision not to amend, with reasons, within 8 weeks of the amendment notice";
    // 3.5 Re-assessment, ceasing, age limit
    ReassessWho => "REASSESS-WHO", "Children and Families Act 2014 s44(2)-(3)",
        "who may request a re-assessment";
    Reassess6mBar => "REASSESS-6M-BAR", "SEND Regulations 2014 reg 24",
        "a re-assessment request within 6 months of the last assessment may be refused";
    TReassessDecide15d => "T-REASSESS-DECIDE-15D", "SEND Regulations 2014 reg 25(1)",
        "decision on a re-assessment request within 15 days";
    TReassessFinal14w => "T-REASSESS-FINAL-14W", "SEND Regulations 2014 reg 27(2)",
        "amended or replacement plan within 14 weeks of deciding to re-assess";
    CeaseGrounds => "CEASE-GROUNDS", "Children and Families Act 2014 s45",
        "a plan ceases only when the council is no longer responsible or the plan is no longer necessary";
    CeaseAgeRules => "CEASE-AGE-RULES", "SEND Regulations 2014 regs 29, 30",
        "age rules for ceasing a plan";
    CeaseProcedure => "CEASE-PROCEDURE", "SEND Regulations 2014 reg 31",
        "consult before ceasing; notify with appeal content";
    CeasePendingAppeal => "CEASE-PENDING-APPEAL", "Children and Families Act 2014 s45",
        "the plan is maintained until the appeal period ends or the appeal is decided";
    Age25 => "AGE-25", "Children and Families Act 2014 ss46, 83(2); SEND Regulations 2014 reg 46",
        "a plan may continue to the end of the academic year in which the young person turns 25";
    // 3.6 Mediation and appeal
    TMedContact2m => "T-MED-CONTACT-2M", "SEND Regulations 2014 reg 33",
        "contact the mediation adviser within 2 months of the decision notice";
    TMedCert3wd => "T-MED-CERT-3WD", "SEND Regulations 2014 reg 34",
        "mediation certificate within 3 working days of declining mediation";
    TMedHeld30d => "T-MED-HELD-30D", "SEND Regulations 2014 regs 35-37",
        "mediation held within 30 days of the council being told";
    TMedHealth3wd => "T-MED-HEALTH-3WD", "SEND Regulations 2014 regs 35-37 (IPSEA)",
        "health commissioners told within 3 working days; health mediation within 30 days";
    TMedCertOther3wd => "T-MED-CERT-OTHER-3WD", "SEND Regulations 2014 (IPSEA)",
        "certificate within 3 working days when mediation cannot be held in time or has concluded";
    TMedAgreement => "T-MED-AGREEMENT", "SEND Regulations 2014 reg 42",
        "actions agreed at mediation within 2 weeks; commissioner tells the council within 1 week";
    TAppeal2m1m => "T-APPEAL-2M-1M", "Tribunal Procedure (HESC) Rules 2008 r20(1)(c)",
        "appeal within 2 months of the decision notice or 1 month of the mediation certificate, whichever is later";
    AppealRights => "APPEAL-RIGHTS", "Children and Families Act 2014 ss51, 55",
        "which decisions can be appealed to the tribunal";
    AppealTracks => "APPEAL-TRACKS", "Children and Families Act 2014 s51(1)-(3); SEND Regulations 2014 reg 32",
        "each appealable decision opens its own appeal, and several can run at once";
    AppealCert => "APPEAL-CERT", "Children and Families Act 2014 ss55(3), 56(1)(h)",
        "a mediation certificate is needed before appealing, except for an appeal only about section I";
    ReviewDecisionRights => "REVIEW-DECISION-RIGHTS", "SEND Regulations 2014 reg 20(10); Children and Families Act 2014 s51",
        "after a review the council maintains, amends or ceases the plan, each with its appeal rights";
    // 3.7 Transfers between councils
    TTransferPlan15wd => "T-TRANSFER-PLAN-15WD", "SEND Regulations 2014 reg 15(2)",
        "the old council transfers the plan on the day of the move, or within 15 working days of becoming aware";
    TransferDeemed => "TRANSFER-DEEMED", "SEND Regulations 2014 reg 15(3)",
        "a transferred plan is treated as made by the new council on the date the old council made it";
    TTransferNotify6w => "T-TRANSFER-NOTIFY-6W", "SEND Regulations 2014 reg 15(4)",
        "the new council tells the family within 6 weeks that the plan has transferred";
    TTransferReview => "T-TRANSFER-REVIEW", "SEND Regulations 2014 reg 15(5)",
        "first review by the new council before the later of the 12-month review date and 3 months from the transfer";
    TransferPlacement => "TRANSFER-PLACEMENT", "SEND Regulations 2014 reg 15(6); SEND Code of Practice 9.159",
        "where the named setting is impracticable after a move the new council may arrange another until it amends";
    TransferMidAssessment => "TRANSFER-MID-ASSESSMENT", "SEND Regulations 2014 regs 4(1)(b), 5(1)(b), 10(1), 13(2)",
        "a child who moves during an assessment: the new council's clocks run from the day it becomes responsible";
    TTransferHealth15wd => "T-TRANSFER-HEALTH-15WD", "SEND Regulations 2014 reg 16",
        "health commissioning bodies hand over within 15 working days of becoming aware of a move";
    // 3.8 Tribunal orders, unopposed appeals, recommendations
    TOrderAssess => "T-ORDER-ASSESS", "SEND Regulations 2014 reg 44(2)(b)",
        "after an order to assess: decide within 2 weeks, not-issue within 10, final within 14";
    TOrderPlan => "T-ORDER-PLAN", "SEND Regulations 2014 reg 44(2)(c)",
        "after an order to make a plan: draft within 5 weeks, final within 11";
    TOrderAmend => "T-ORDER-AMEND", "SEND Regulations 2014 reg 44(2)(e)-(f)",
        "after an order to amend: within 5 weeks, or 2 weeks for section I only";
    OrderCease => "ORDER-CEASE", "SEND Regulations 2014 reg 44(2)(a)",
        "a dismissed cease appeal ends the plan at once; an allowed one keeps it maintained";
    Exc44_3 => "EXC-44-3", "SEND Regulations 2014 reg 44(3)",
        "reg 44 periods are disapplied while exceptional personal circumstances or absence make them impractical";
    TUnopposedAssess => "T-UNOPPOSED-ASSESS", "SEND Regulations 2014 reg 45(1)-(3A)",
        "an unopposed assessment appeal: notify 2 weeks, not-issue 10, final 14 from notifying the tribunal";
    TUnopposedAmend => "T-UNOPPOSED-AMEND", "SEND Regulations 2014 reg 45(4)-(5)",
        "an unopposed contents appeal: amended plan within 5 weeks, or 2 for section I only";
    TUnopposedPlan => "T-UNOPPOSED-PLAN", "SEND Regulations 2014 reg 45(6)",
        "an unopposed appeal against refusal to issue: draft within 5 weeks, final within 11";
    OrderConsent => "ORDER-CONSENT", "Tribunal consent orders (IPSEA)",
        "a consent order after the council's response carries the reg 44 limits unless shorter are agreed";
    TOrderRecommend5w => "T-ORDER-RECOMMEND-5W", "SI 2017/1306 reg 6",
        "a written response to a tribunal health or social-care recommendation within 5 weeks";
    // 4 Exceptions
    Exc5_4 => "EXC-5-4", "SEND Regulations 2014 reg 5(4)",
        "exceptions to the 6-week decision limit";
    Exc8_2 => "EXC-8-2", "SEND Regulations 2014 reg 8(2)",
        "exceptions to the 6-week advice limit";
    Exc10_4 => "EXC-10-4", "SEND Regulations 2014 reg 10(4)",
        "exceptions to the 16-week not-to-issue limit";
    Exc13_3 => "EXC-13-3", "SEND Regulations 2014 reg 13(3)",
        "exceptions to the 20-week final-plan limit";
    Exc27_3 => "EXC-27-3", "SEND Regulations 2014 reg 27(3)",
        "exceptions to the 14-week re-assessment limit";
    ExcCovid => "EXC-COVID", "SI 2020/471",
        "coronavirus exception, 1 May to 25 September 2020 only";
    // 7 Additional Support Contract (Sutton)
    AscScope => "ASC-SCOPE", "Sutton joint working protocol (local)",
        "ASC only for a child or young person without an EHC plan";
    AscHnb => "ASC-HNB", "Sutton joint working protocol (local)",
        "ASC funding comes from the High Needs Block";
    AscTermCap => "ASC-TERM-CAP", "Sutton joint working protocol (local)",
        "at most 2,000 pounds a term";
    AscYearCap => "ASC-YEAR-CAP", "Sutton joint working protocol (local)",
        "at most 6,000 pounds per child per academic year across contracts";
    AscTwoTerms => "ASC-TWO-TERMS", "Sutton joint working protocol (local)",
        "at most two terms; then consider an EHC needs assessment";
    AscRequesters => "ASC-REQUESTERS", "Sutton joint working protocol (local)",
        "requested by the setting or by the panel";
    AscNotionalFirst => "ASC-NOTIONAL-FIRST", "Sutton joint working protocol (local)",
        "the setting shows how it used the 6,000 pound notional SEN budget";
    AscEvidence => "ASC-EVIDENCE", "Sutton joint working protocol (local)",
        "APDR evidence, family involvement and SMART outcomes";
    AscSetupMeeting => "ASC-SETUP-MEETING", "Sutton joint working protocol (local)",
        "setup meeting with the child and family at the setting";
    AscDecision => "ASC-DECISION", "Sutton joint working protocol (local)",
        "the panel advises; the responsible officer decides";
    AscTermlyAgreement => "ASC-TERMLY-AGREEMENT", "Sutton joint working protocol (local)",
        "funding agreed term by term";
    AscReview1Term => "ASC-REVIEW-1TERM", "Sutton joint working protocol (local)",
        "progress reviewed after one funded term";
    AscExtendPanel => "ASC-EXTEND-PANEL", "Sutton joint working protocol (local)",
        "a final second term only through the panel";
    AscNoAppeal => "ASC-NO-APPEAL", "Sutton joint working protocol (local)",
        "no appeal against the ASC panel decision";
    // 8 Next Steps Meeting (Sutton)
    NsmWhen => "NSM-WHEN", "Sutton NSM guidance and joint working protocol (local)",
        "offered after no to assess or no to a plan";
    NsmOptional => "NSM-OPTIONAL", "Sutton joint working protocol (local)",
        "optional for the family; no statutory clock pauses";
    NsmFacilitator => "NSM-FACILITATOR", "Sutton NSM guidance (local)",
        "facilitated by a named Cognus education-services member";
    NsmPanelNotes => "NSM-PANEL-NOTES", "Sutton joint working protocol (local)",
        "panel notes record facilitator, invitees and suggested next steps";
    NsmInvite => "NSM-INVITE", "Sutton joint working protocol (local)",
        "setting and child always invited";
    NsmCoordinator => "NSM-COORDINATOR", "Sutton joint working protocol (local)",
        "EHCP co-ordinator phones, confirms the offer in writing and attends";
    NsmContact1w => "NSM-CONTACT-1W", "Sutton joint working protocol (local)",
        "facilitator contacts the setting in the week after the panel";
    NsmWithin2w => "NSM-WITHIN-2W", "Sutton joint working protocol (local)",
        "meeting within 2 weeks of the panel";
    NsmDuration => "NSM-DURATION", "Sutton joint working protocol (local)",
        "the meeting lasts 1.5 to 2 hours";
    NsmVenue => "NSM-VENUE", "Sutton joint working protocol (local)",
        "usually held at the school";
    NsmAgendaAdvance => "NSM-AGENDA-ADVANCE", "Sutton joint working protocol (local)",
        "agenda circulated in advance";
    NsmAgenda7 => "NSM-AGENDA-7", "Sutton joint working protocol (local)",
        "the seven standard agenda items";
    NsmMinContent => "NSM-MIN-CONTENT", "Sutton joint working protocol (local)",
        "the minimum content (a)-(g)";
    NsmForm => "NSM-FORM", "Sutton joint working protocol (local)",
        "NSM form completed, shared and saved";
    NsmTopics000 => "NSM-TOPICS-000", "Sutton NSM guidance (local)",
        "topics the meeting may cover";
    NsmSalford => "NSM-SALFORD", "Salford walkthrough (local)",
        "Salford holds a follow-up meeting only on request";
    // 9 SEN Support and funding
    SupApdr => "SUP-APDR", "SEND Code of Practice 6.44-6.56",
        "assess-plan-do-review cycles";
    SupTermly => "SUP-TERMLY", "SEND Code of Practice 6.65",
        "provision reviewed at least termly with the family";
    SupInformParents => "SUP-INFORM-PARENTS", "Children and Families Act 2014 s68",
        "the school tells parents it is making special educational provision";
    FundNotional6k => "FUND-NOTIONAL-6K", "School funding arrangements (local pathway, nasen)",
        "the school pays the first 6,000 pounds from its notional SEN budget";
    FundCostedMap3t => "FUND-COSTED-MAP-3T", "Salford walkthrough (local)",
        "costed provision map over the previous, current and next term";
    // 13 SEN2 person-level return (DfE)
    Sen2Scope => "SEN2-SCOPE", "DfE SEN2 return: methodology and census dates",
        "requests and assessment decisions of calendar year Y-1, plans active on the January census date";
    Sen2Request => "SEN2-REQUEST", "DfE SEN2 return specification (request module)",
        "per request: received date, source, outcome Y/N/A/W/H and date, mediation and tribunal flags";
    Sen2Assessment => "SEN2-ASSESSMENT", "DfE SEN2 return specification (assessment module)",
        "per assessment: outcome Y/N/A/W/H/S and date, Week20 exceptions flag, mediation and tribunal flags";
    Sen2Plan => "SEN2-PLAN", "DfE SEN2 return specification (plan module)",
        "per plan: start date, cease date and reason, setting, personal budget";
    Sen2Active => "SEN2-ACTIVE", "DfE SEN2 return specification (active plans)",
        "per plan active on the census date: review meeting, last review decision and outcome, phase transfer";
    Sen2Timeliness20w => "SEN2-TIMELINESS-20W", "DfE SEN2 methodology (20-week timeliness)",
        "plans issued within 20 weeks, including and excluding exceptions";
    Sen2TimelinessOther => "SEN2-TIMELINESS-OTHER", "DfE SEN2 methodology (other timeliness measures)",
        "6-week decisions, 16-week decisions not to issue, annual-review decisions within 4 weeks";
}

impl RuleId {
    /// Whether the rule comes from law (statute, regulations, tribunal rules or
    /// the statutory Code of Practice) rather than one council's local practice
    /// or a sector target.
    pub fn is_statutory(self) -> bool {
        let source = self.source();
        !(source.contains("(local") || source.contains("target, not law"))
    }
}

/// Shows the code, `T-FINAL-20W`, honouring width and alignment
/// (`format!("{:<22}", rule)`) so rule IDs line up in tables and reports.
impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl TryFrom<&str> for RuleId {
    type Error = Error;

    /// The same as [`str::parse`]: a rule ID by its code.
    fn try_from(code: &str) -> Result<Self, Error> {
        code.parse()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for rule in RuleId::ALL {
            assert!(seen.insert(rule.code()), "duplicate code {}", rule.code());
            assert_eq!(rule.code().parse::<RuleId>(), Ok(*rule));
            assert!(!rule.source().is_empty());
        }
        assert_eq!(RuleId::TFinal20w.to_string(), "T-FINAL-20W");
        assert!("T-NOPE".parse::<RuleId>().is_err());
    }

    #[test]
    fn display_honours_width_and_alignment() {
        // T-FINAL-20W: rule codes line up in reports.
        assert_eq!(format!("{:<13}|", RuleId::TFinal20w), "T-FINAL-20W  |");
        assert_eq!(format!("{:>13}|", RuleId::TFinal20w), "  T-FINAL-20W|");
        assert_eq!(format!("{:^13}|", RuleId::TFinal20w), " T-FINAL-20W |");
        assert_eq!(format!("{:.5}", RuleId::TFinal20w), "T-FIN");
        assert_eq!(RuleId::try_from("ASC-TERM-CAP"), Ok(RuleId::AscTermCap));
    }

    #[test]
    fn order_is_catalogue_order() {
        let mut sorted = RuleId::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, RuleId::ALL);
    }

    #[test]
    fn local_rules_are_not_statutory() {
        assert!(RuleId::TFinal20w.is_statutory());
        assert!(!RuleId::TDraft14w.is_statutory());
        assert!(!RuleId::AscTermCap.is_statutory());
        assert!(!RuleId::TIssueDecision16w.is_statutory());
    }
}
