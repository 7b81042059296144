-- Marketplace orders (Lazada) carry no buyer email: such customers are found by phone.
-- phone_key is the phone reduced to digits, Vietnamese +84 written as a leading 0.
ALTER TABLE customers ADD COLUMN phone_key TEXT;
CREATE INDEX customers_phone_key ON customers (phone_key);
