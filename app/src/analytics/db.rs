use super::model::{Figures, MonthPoint};
use sqlx::PgExecutor;

pub async fn figures(db: impl PgExecutor<'_>) -> sqlx::Result<Figures> {
    sqlx::query_as::<_, Figures>(
        "SELECT
           (SELECT count(*) FROM products WHERE lifecycle = 'active') AS active_products,
           (SELECT count(*) FROM categories) AS categories,
           (SELECT count(*) FROM variants) AS skus,
           (SELECT coalesce(sum(on_hand), 0)::bigint FROM stock_balances) AS units_on_hand,
           (SELECT coalesce(sum(reserved), 0)::bigint FROM stock_balances) AS units_reserved,
           (SELECT count(*) FROM locations WHERE active) AS locations,
           (SELECT count(*) FROM suppliers) AS suppliers,
           (SELECT count(*) FROM orders) AS orders,
           (SELECT count(*) FROM orders WHERE status NOT IN ('completed', 'cancelled')) AS open_orders,
           (SELECT coalesce(sum(total_minor), 0)::bigint FROM orders
             WHERE placed_at > now() - interval '30 days' AND status <> 'cancelled') AS revenue_30d_minor,
           (SELECT count(*) FROM users WHERE role = 'consumer') AS consumers,
           (SELECT count(*) FROM companies) AS companies,
           (SELECT count(*) FROM users WHERE company_id IS NOT NULL) AS buyers",
    )
    .fetch_one(db)
    .await
}

/// Orders and revenue of the last six calendar months, months without orders included.
pub async fn last_six_months(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<MonthPoint>> {
    sqlx::query_as::<_, (String, i64, i64)>(
        "SELECT to_char(m, 'Mon YYYY'), count(o.id), coalesce(sum(o.total_minor), 0)::bigint
         FROM generate_series(date_trunc('month', now()) - interval '5 months',
                              date_trunc('month', now()), interval '1 month') AS m
         LEFT JOIN orders o ON date_trunc('month', o.placed_at) = m AND o.status <> 'cancelled'
         GROUP BY m ORDER BY m",
    )
    .fetch_all(db)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(|(month, orders, revenue_minor)| MonthPoint {
                month,
                orders,
                revenue_minor,
            })
            .collect()
    })
}
