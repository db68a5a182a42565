//! The reports the story compares: every grouping, grain and filter the roll-up answers —
//! one field, pairs and triples (two filters grouped by a third, three filters).

use jiff::civil::Date;
use tend_app::reports::OperationsFilter;
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::reports::{Grain, Group, Range};
use tend_store::ComplaintFilter;

pub fn queries() -> Vec<(String, OperationsFilter)> {
    let d = |n: i64| {
        Date::constant(2024, 10, 4)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    };
    let mut out = Vec::new();
    let mut add =
        |name: String, from: i64, to: i64, grain: Grain, group: Group, filter: ComplaintFilter| {
            let range = Range {
                from: d(from),
                to: d(to),
                grain,
                group,
            };
            out.push((
                name,
                OperationsFilter {
                    range,
                    filter,
                    segment_id: None,
                },
            ));
        };
    for group in Group::ALL {
        for (grain, from, to) in [
            (Grain::Day, -3, 12),
            (Grain::Week, -25, 40),
            (Grain::Month, -60, 60),
        ] {
            add(
                format!("{group:?} by {grain:?}"),
                from,
                to,
                grain,
                group,
                ComplaintFilter::default(),
            );
        }
    }
    let filters: [(&str, Group, ComplaintFilter); 6] = [
        (
            "phone",
            Group::Channel,
            ComplaintFilter {
                channel: Some(ChannelCode::parse("phone").unwrap()),
                ..Default::default()
            },
        ),
        (
            "category 1 and below",
            Group::Category,
            ComplaintFilter {
                category_id: Some(CategoryId(1)),
                ..Default::default()
            },
        ),
        (
            "product 2",
            Group::Product,
            ComplaintFilter {
                product_id: Some(ProductId(2)),
                ..Default::default()
            },
        ),
        (
            "tier 2",
            Group::Tier,
            ComplaintFilter {
                tier: Some(2),
                ..Default::default()
            },
        ),
        (
            "assignee 3",
            Group::Assignee,
            ComplaintFilter {
                assignee_id: Some(EmployeeId(3)),
                ..Default::default()
            },
        ),
        (
            "team a",
            Group::Assignee,
            ComplaintFilter {
                team: Some("a".to_owned()),
                ..Default::default()
            },
        ),
    ];
    let others = [
        Group::Tier,
        Group::Channel,
        Group::Assignee,
        Group::Category,
        Group::Product,
        Group::Channel,
    ];
    // Two filters at once (an assignee and a team: both must allow), grouped by neither, by
    // one and by the other.
    let mut two = filters.to_vec();
    two.push((
        "assignee 2",
        Group::Assignee,
        ComplaintFilter {
            assignee_id: Some(EmployeeId(2)),
            ..Default::default()
        },
    ));
    for (i, (a, ga, fa)) in two.iter().enumerate() {
        for (b, gb, fb) in &two[i + 1..] {
            let both = ComplaintFilter {
                channel: fa.channel.clone().or(fb.channel.clone()),
                category_id: fa.category_id.or(fb.category_id),
                product_id: fa.product_id.or(fb.product_id),
                tier: fa.tier.or(fb.tier),
                assignee_id: fa.assignee_id.or(fb.assignee_id),
                team: fa.team.clone().or(fb.team.clone()),
                ..Default::default()
            };
            for group in [Group::None, *ga, *gb] {
                let name = format!("{a} and {b}, by {group:?} by week");
                add(name, -25, 40, Grain::Week, group, both.clone());
            }
            // Grouped by a third field: the triple.
            let third = Group::ALL
                .into_iter()
                .find(|g| ![Group::None, *ga, *gb].contains(g))
                .unwrap();
            let name = format!("{a} and {b}, by {third:?} by month");
            add(name, -60, 60, Grain::Month, third, both.clone());
        }
    }
    // Three filters, grouped by none of them or by one.
    for (name, group) in [
        ("phone, tier 2 and product 2", Group::None),
        ("phone, tier 2 and product 2", Group::Tier),
        (
            "category 1 and below, assignee 3 and tier 2",
            Group::Category,
        ),
        ("team a, phone and category 1 and below", Group::Assignee),
    ] {
        let filter = ComplaintFilter {
            channel: name
                .contains("phone")
                .then(|| ChannelCode::parse("phone").unwrap()),
            category_id: name.contains("category 1").then_some(CategoryId(1)),
            product_id: name.contains("product 2").then_some(ProductId(2)),
            assignee_id: name.contains("assignee 3").then_some(EmployeeId(3)),
            tier: name.contains("tier 2").then_some(2),
            team: name.contains("team a").then(|| "a".to_owned()),
            ..Default::default()
        };
        add(
            format!("{name}, by {group:?} by week"),
            -25,
            40,
            Grain::Week,
            group,
            filter,
        );
    }
    for ((name, dim, filter), other) in filters.into_iter().zip(others) {
        add(
            format!("{name}, by {other:?} by week"),
            -25,
            40,
            Grain::Week,
            other,
            filter.clone(),
        );
        add(
            format!("{name}, by week"),
            -25,
            40,
            Grain::Week,
            Group::None,
            filter.clone(),
        );
        add(
            format!("{name}, by {dim:?} by day"),
            -2,
            9,
            Grain::Day,
            dim,
            filter,
        );
    }
    // Segments of most customers (1: nine of twelve), of all (2) and of a few (3: two): each
    // through its own tallies (seed::segments; main.rs also reads them while their members
    // changed, the larger ones as the whole report less the outsiders' complaints).
    let whole: Vec<_> = out
        .iter()
        .filter(|(name, _)| {
            name.ends_with("by Month")
                || (name.ends_with(", by week") && !name.contains(" and "))
                || name == "phone and tier 2, by None by week"
                || name == "team a and assignee 2, by Assignee by week"
                || name == "phone and tier 2, by Category by month"
                || name == "phone, tier 2 and product 2, by Tier by week"
        })
        .cloned()
        .collect();
    for segment in [1, 2, 3] {
        for (name, f) in &whole {
            let f = OperationsFilter {
                segment_id: Some(segment),
                ..f.clone()
            };
            out.push((format!("segment {segment}: {name}"), f));
        }
    }
    out
}
