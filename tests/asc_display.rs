//! What caseworkers read about Additional Support Contracts (public API only).

use send_pathway::asc::*;
use send_pathway::policy::{AscScheme, NsmOffer};

#[test]
fn asc_display_honours_alignment() {
    assert_eq!(
        format!("[{:<22}]", AscStage::FinalTermFunded),
        "[final term funded     ]"
    );
    assert_eq!(format!("[{:>10}]", AscStage::Ended), "[     ended]");
    assert_eq!(
        NextStep::ConsiderEhcNeedsAssessment.to_string(),
        "consider an EHC needs assessment"
    );
    assert_eq!(
        AscAppeal::NoRightOfAppeal.to_string(),
        "no right of appeal against the panel decision"
    ); // ASC-NO-APPEAL
    assert_eq!(
        FundingSource::HighNeedsBlock.to_string(),
        "High Needs Block"
    ); // ASC-HNB
    assert_eq!(format!("{TERM_CAP:>8}"), "  £2,000"); // ASC-TERM-CAP
    assert_eq!(
        AscScheme::Available.to_string(),
        "Additional Support Contracts available"
    );
    assert_eq!(
        NsmOffer::OnRequest.to_string(),
        "follow-up meeting on request"
    );
}
