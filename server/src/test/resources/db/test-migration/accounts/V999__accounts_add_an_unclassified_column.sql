-- Test only: a column nobody classified, which the catalog check must catch.
alter table people add column nickname text;
