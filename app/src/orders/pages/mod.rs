pub mod my_orders;
